#!/usr/bin/env bash
# Evidence rules benchmark (docs/evidence.md):
#   1. per-category precision and recall over the annotated corpus (src/test/resources/fixtures/rules);
#   2. in-process time of the rule engine over TARGET (warm median of RUNS runs);
#   3. process wall time, ours (JVM start + scan + all rule families) against bandit on the same TARGET.
# Usage: bench/rules.sh [TARGET]   (default: the corpus). Env: RUNS (in-process runs, default 5),
# PROCESS_RUNS (process runs of each tool, default 3).
# The bench main lives in the test sources, so it never ships in the jar. Needs bandit (apt-get install bandit).
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${1:-src/test/resources/fixtures/rules}"
RUNS="${RUNS:-5}"

mvn -B -q -o test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
MAIN=dev.srereview.evidence.bench.RulesBench
source bin/jvm-flags # the launcher's JVM flags: the figures are the tool's, not a tuned benchmark's
# The process timing runs the shipped jar, as the launcher does: with an AppCDS archive (trained once here on the
# corpus, like the launcher's own training run) and the bench main from a small jar of its test classes.
[ -n "$(ls target/sre-review-*-all.jar 2>/dev/null)" ] && [ -z "$(find src/main pom.xml -newer "$(ls target/sre-review-*-all.jar | tail -1)" -type f -print -quit)" ] \
  || mvn -B -q -o package -DskipTests
jar cf target/bench-rules.jar -C target/test-classes dev/srereview/evidence/bench -C target/test-classes dev/srereview/evidence/corpus
JAR_CP="target/bench-rules.jar:$(ls target/sre-review-*-all.jar | tail -1)"
rm -f target/bench-rules.jsa
# Logging as the tool's own: its quiet bootstrap (nothing written) started in the background, as cli.Main does.
java "${jvm_opts[@]}" -XX:ArchiveClassesAtExit=target/bench-rules.jsa -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$JAR_CP" "$MAIN" --once src/test/resources/fixtures/rules >/dev/null 2>&1 || true
PROC=(java "${jvm_opts[@]}" -Xshare:auto -XX:SharedArchiveFile=target/bench-rules.jsa -Xlog:cds=off -Xlog:cds+dynamic=off
  -cp "$JAR_CP" "$MAIN" --once)

java "${jvm_opts[@]}" -Dlogback.configurationFile=/dev/null -cp "$CP" "$MAIN" --time "$TARGET" --runs "$RUNS"

# Process wall time, median of PROCESS_RUNS runs each (default 3), ours and bandit alternating so both see the
# same machine; one warm-up run of ours first (page cache, native library cache).
PROCESS_RUNS="${PROCESS_RUNS:-3}"
ms() { echo $(( ($2 - $1) / 1000000 )); }
# median [FORMAT]: of the numbers on stdin, printed with FORMAT (default %d: whole milliseconds)
median() { sort -n | awk -v f="${1:-%d}" '{a[NR]=$1} END {printf f "\n", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
echo
echo "process wall time on $TARGET ($(find "$TARGET" -name '*.py' | wc -l) Python files, $(find "$TARGET" -type f | wc -l) files):"
"${PROC[@]}" "$TARGET"
have_bandit=0
command -v bandit >/dev/null 2>&1 && have_bandit=1
ours_runs=(); theirs_runs=()
for _ in $(seq 1 "$PROCESS_RUNS"); do
  t0=$(date +%s%N)
  "${PROC[@]}" "$TARGET" >/dev/null
  t1=$(date +%s%N)
  ours_runs+=("$(ms "$t0" "$t1")")
  if [ "$have_bandit" = 1 ]; then
    t0=$(date +%s%N)
    bandit -r -q -f json -o /dev/null "$TARGET" >/dev/null 2>&1 || true   # exit 1 means "issues found"
    t1=$(date +%s%N)
    theirs_runs+=("$(ms "$t0" "$t1")")
  fi
done
ours=$(printf '%s\n' "${ours_runs[@]}" | median)
echo "  sre-review rules (shipped jar + AppCDS; JVM start, scan, every family): median ${ours} ms of ${PROCESS_RUNS} (${ours_runs[*]})"
if [ "$have_bandit" = 1 ]; then
  theirs=$(printf '%s\n' "${theirs_runs[@]}" | median)
  echo "  bandit $(bandit --version 2>/dev/null | head -1 | awk '{print $2}') (Python files only): median ${theirs} ms (${theirs_runs[*]})"
  awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "  ratio bandit/ours: %.1fx\n", a / b }'
  # Each run of ours next to the bandit run that followed it: on a machine whose cores run at uneven speeds
  # (single-threaded bandit lands on one, ours uses all), the pairs show the spread the medians hide.
  pairs=""
  for i in "${!ours_runs[@]}"; do
    pairs+="$(awk -v a="${theirs_runs[$i]}" -v b="${ours_runs[$i]}" 'BEGIN { printf "%.1f", a / b }') "
  done
  echo "  ratio per pair of runs: ${pairs}(median $(printf '%s\n' $pairs | median %.1f)x)"
else
  echo "  bandit not installed (apt-get install -y bandit): no comparison"
fi
