#!/usr/bin/env bash
# Start-up figures for docs/chat.md: `bin/sre-review --version`, and time-to-prompt (start the REPL,
# reach the prompt, read /exit, quit) through the launcher with its AppCDS archive, plus the bare JVM as
# the floor on this machine. Median of N runs. Uses hyperfine when installed (apt-get install hyperfine),
# else a loop timed with date +%s%N. Run from anywhere: bench/startup.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${1:-20}"
out="$here/bench/out"
mkdir -p "$out"
home="$(mktemp -d "${TMPDIR:-/tmp}/sre-review-bench.XXXXXX")"
trap 'rm -rf "$home"' EXIT
exit_input="$out/exit.txt"
printf '/exit\n' >"$exit_input"
launcher="$here/bin/sre-review"
# The launcher builds the jar and trains the CDS archive on its first run: do that before timing.
"$launcher" --version >/dev/null
export XDG_STATE_HOME="$home" OPENAI_API_KEY=
# The chat saves a transcript per session under the working directory: run where that is thrown away.
cd "$home"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -n1)"

if command -v hyperfine >/dev/null 2>&1; then
  # Through a shell (hyperfine subtracts its start-up) so the REPL can read /exit from a file.
  hyperfine --warmup 3 --runs "$runs" --export-json "$out/startup.json" \
    --command-name 'java -version (JVM floor)' 'java -Xshare:auto -version' \
    --command-name 'bin/sre-review --version' "$launcher --version" \
    --command-name 'time-to-prompt (REPL start, /exit)' "$launcher <$exit_input"
  python3 - "$out/startup.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"{r['command']}: median {r['median']*1000:.0f} ms (mean {r['mean']*1000:.0f} ± {r['stddev']*1000:.0f} ms, user {r['user']*1000:.0f} ms, system {r['system']*1000:.0f} ms)")
PY
else
  measure() { # name, input file (or /dev/null), command...
    local name="$1" input="$2"; shift 2
    local times=() t0 t1
    for _ in 1 2 3; do "$@" <"$input" >/dev/null 2>&1; done
    for _ in $(seq "$runs"); do
      t0=$(date +%s%N); "$@" <"$input" >/dev/null 2>&1; t1=$(date +%s%N)
      times+=($(( (t1 - t0) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk -v n="$name" '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%s: median %d ms (min %d, max %d, %d runs)\n", n, m, a[1], a[NR], NR}'
  }
  measure 'java -version (JVM floor)' /dev/null java -Xshare:auto -version
  measure 'bin/sre-review --version' /dev/null "$launcher" --version
  measure 'time-to-prompt (REPL start, /exit)' "$exit_input" "$launcher"
fi
