#!/usr/bin/env bash
# Time to the chat prompt on a real terminal: start bin/sre-review in a detached tmux pane (a pty), poll the
# pane until "sre-review>" shows, print milliseconds. tmux itself adds ~80 ms (compare with a trivial program).
# Needs tmux (apt-get install tmux). Usage: bench/prompt-tty.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${1:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/sre-review-tty.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$here/bin/sre-review" --version >/dev/null   # build and train the CDS archive first
for i in $(seq 1 "$runs"); do
  session="sre-review-bench-$$-$i"
  start=$(date +%s%N)
  tmux new-session -d -s "$session" -x 120 -y 20 \
    "cd '$work' && XDG_STATE_HOME='$work/state' OPENAI_API_KEY= '$here/bin/sre-review'"
  until tmux capture-pane -t "$session" -p | grep -q "sre-review>"; do sleep 0.01; done
  end=$(date +%s%N)
  echo "run $i: $(( (end - start) / 1000000 )) ms"
  tmux kill-session -t "$session"
done
