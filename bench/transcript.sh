#!/usr/bin/env bash
# What recording a session costs: append+fsync per event, and read+replay of a long transcript.
# Usage: bench/transcript.sh [EVENTS]   (builds test classes offline first; prints medians and p95)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
mvn -B -q -o test-compile
cp="$(mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)"
exec java -cp "target/classes:target/test-classes:$cp" -Dlogback.configurationFile=/dev/null \
  dev.srereview.transcript.TranscriptBench "${1:-200}"
