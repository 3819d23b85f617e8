#!/usr/bin/env bash
# Time to the chat prompt on a real terminal: bin/sre-review runs on a pseudo-terminal (120x20, TERM
# xterm-256color) opened by python3's pty module, which reads its output until "sre-review>" shows. Nothing polls
# (an earlier version polled tmux every 10 ms, and those forks added ~0.5 s on this 2-core machine).
# Usage: bench/prompt-tty.sh [RUNS]   (needs python3)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
runs="${1:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/sre-review-tty.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$here/bin/sre-review" --version >/dev/null   # build and train the CDS archive first
python3 - "$runs" "$work" "$here/bin/sre-review" <<'PY'
import fcntl, os, pty, select, signal, struct, sys, termios, time
runs, work, launcher = int(sys.argv[1]), sys.argv[2], sys.argv[3]
times = []
for run in range(runs):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update(OPENAI_API_KEY="", XDG_STATE_HOME=os.path.join(work, "state"), TERM="xterm-256color")
        os.chdir(work)
        os.execv(launcher, [launcher])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 20, 120, 0, 0))
    seen = b""
    while b"sre-review>" not in seen:
        ready, _, _ = select.select([fd], [], [], 30)
        if not ready:
            sys.exit("no prompt within 30 s")
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    times.append(round((time.monotonic() - start) * 1000))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    print(f"run {run + 1}: {times[-1]} ms", flush=True)
print(f"time to prompt on a pty: median {sorted(times)[len(times) // 2]} ms of {runs}")
PY
