#!/usr/bin/env bash
# Evidence rules benchmark (docs/evidence.md):
#   1. per-category precision and recall over the annotated corpus (src/test/resources/fixtures/rules);
#   2. in-process time of the rule engine over TARGET (warm median of RUNS runs);
#   3. process wall time, ours (JVM start + scan + all rule families) against bandit on the same TARGET.
# Usage: bench/rules.sh [TARGET]   (default: the corpus). Env: RUNS (default 5).
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

java "${jvm_opts[@]}" -Dlogback.configurationFile=/dev/null -cp "$CP" "$MAIN" --time "$TARGET" --runs "$RUNS"

ms() { echo $(( ($2 - $1) / 1000000 )); }
echo
echo "process wall time on $TARGET ($(find "$TARGET" -name '*.py' | wc -l) Python files, $(find "$TARGET" -type f | wc -l) files):"
t0=$(date +%s%N)
java "${jvm_opts[@]}" -Dlogback.configurationFile=/dev/null -cp "$CP" "$MAIN" --once "$TARGET"
t1=$(date +%s%N)
ours=$(ms "$t0" "$t1")
echo "  sre-review rules (JVM start, scan, every family): ${ours} ms"
if command -v bandit >/dev/null 2>&1; then
  t0=$(date +%s%N)
  bandit -r -q -f json -o /dev/null "$TARGET" >/dev/null 2>&1 || true   # exit 1 means "issues found"
  t1=$(date +%s%N)
  theirs=$(ms "$t0" "$t1")
  echo "  bandit $(bandit --version 2>/dev/null | head -1 | awk '{print $2}') (Python files only): ${theirs} ms"
  awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "  ratio bandit/ours: %.1fx\n", a / b }'
else
  echo "  bandit not installed (apt-get install -y bandit): no comparison"
fi
