#!/usr/bin/env bash
# Scan benchmark (issue 3): a generated tree of 50,000 files (40,000 Python sources, 10,000 small files,
# 5 GB of sparse weights, plus a venv and node_modules that must be skipped) is scanned, classified,
# redacted and packed into a token budget in a fresh JVM; prints the stage times, then wall time, CPU
# time, peak RSS and page faults from /usr/bin/time -v.
#
#   bench/scan.sh [TREE_DIR] [RUNS]      (default /tmp/sre-review-bench-50k, 3 runs)
#
# The tree is generated once and kept (delete the directory to regenerate). Runs use the launcher's JVM
# flags (bin/jvm-flags: C1 only, Serial GC, transparent huge pages where offered) and then the JVM defaults.
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
tree="${1:-/tmp/sre-review-bench-50k}"
runs="${2:-3}"
cd "$here"
mvn -B -q -o test-compile
cpfile="$(mktemp)"
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
cp="target/test-classes:target/classes:$(cat "$cpfile")"
rm -f "$cpfile"
if [ ! -d "$tree" ]; then
  java -cp "$cp" dev.srereview.context.ScanBench generate "$tree"
fi
echo "tree: $tree ($(find "$tree" -type f | wc -l) files, $(du -sh --apparent-size "$tree" | cut -f1) apparent, $(du -sh "$tree" | cut -f1) on disk)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
measure() {
  local label="$1"; shift
  for i in $(seq 1 "$runs"); do
    local out; out="$(mktemp)"
    /usr/bin/time -v java "$@" -Dlogback.configurationFile=/dev/null -cp "$cp" dev.srereview.context.ScanBench run "$tree" 2>"$out" \
      | sed "s/^/  [$label #$i] /"
    awk -F': ' -v l="$label #$i" '
      /Elapsed \(wall clock\)/ {wall=$2}
      /User time/ {user=$2} /System time/ {sys=$2}
      /Maximum resident set size/ {rss=$2}
      /Minor \(reclaiming a frame\) page faults/ {faults=$2}
      END {printf "  [%s] process: wall %s, cpu user %ss + sys %ss, peak RSS %d MB, %d page faults\n", l, wall, user, sys, rss/1024, faults}' "$out"
    rm -f "$out"
  done
}
source "$here/bin/jvm-flags"
measure launcher "${jvm_opts[@]}"
measure default
