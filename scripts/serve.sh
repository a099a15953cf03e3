#!/usr/bin/env bash
# `make serve`: the reference receiver on 127.0.0.1:8787 and `trunk serve` on 127.0.0.1:8080,
# which proxies /api to it (Trunk.toml), so a request can be submitted end to end.
# Stopping this script (Ctrl-C) stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
receiver_pid=""
stop() {
  [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null || true
}
trap stop EXIT INT TERM

target/debug/receiver --listen 127.0.0.1:8787 --db .tmp/requests.sqlite &
receiver_pid=$!
echo "serve: receiver (pid $receiver_pid) on http://127.0.0.1:8787, storing in .tmp/requests.sqlite"
echo "serve: open http://127.0.0.1:8080/ once Trunk says it is serving"
trunk serve
