#!/usr/bin/env bash
# Blind test (docs/evidence.md, "Blind test"): small ML-deployment repositories (109 in 17 sets) written by helpers who never saw
# the rules, each with an answer key of true problems and deliberate near misses. Prints how many true cases the
# offline review finds and how many near misses it leaves alone, per set and per category.
# Usage: bench/blind.sh [-v] [src/test/resources/fixtures/blind/<set> ...]   (-v lists every miss, flagged near miss and unkeyed finding)
set -euo pipefail
cd "$(dirname "$0")/.."
bin/sre-review --version >/dev/null   # builds the jar (and its start-up archive) first if needed
exec python3 bench/blind_score.py "$@"
