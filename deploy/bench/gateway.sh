#!/usr/bin/env bash
# Benchmark: an authenticated GET straight to a service, through the Bawaba gateway, and through
# an nginx reverse proxy, in one run, 64 connections each, on 127.0.0.1 only. Prints throughput
# (and its ratio to the direct baseline) and p50/p99 latency. Starts what it needs and stops
# everything it started. Needs the gateway built (./mvnw -pl gateway package) and Redis on
# 127.0.0.1:6379; installs wrk and nginx from Debian when missing.
#
#   deploy/bench/gateway.sh            # 20 s per target after warm-ups (gateway 150 s, others 15 s)
#   DURATION=60s WARMUP=30s GATEWAY_WARMUP=240s deploy/bench/gateway.sh
#   GATEWAY_ARGS="--bawaba.rate-limit.enabled=false" deploy/bench/gateway.sh   # one feature off
#   PIN=0 deploy/bench/gateway.sh      # no CPU pinning
#
# CPU layout (PIN=1, the default, on 2 cores or more): everything that serves — the nginx worker
# (service and reverse proxy) and the gateway's JVM — runs on SERVER_CPUS (default CPU 0), wrk
# with one thread on CLIENT_CPUS (default CPU 1). Every target thus gets the same server CPU, and
# the load generator never steals it (unpinned, wrk's threads, nginx and the JVM fought over two
# cores: the direct p99 was 289 ms). The gateway runs as in production: C2 JIT on, a fixed 512 MB
# heap, warmed up long enough for C2 to settle (after 15 s it still compiled and served a quarter
# of its steady rate; after 60 s, a third to four fifths). Its Kafka is a port where nothing listens, so usage records are buffered
# and dropped, never sent to a suite's Kafka that may be running.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
GATEWAY_WARMUP=${GATEWAY_WARMUP:-150s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-1}
PIN=${PIN:-1}
SERVER_CPUS=${SERVER_CPUS:-0}
CLIENT_CPUS=${CLIENT_CPUS:-1}
KAFKA_PORT=${BENCH_KAFKA_PORT:-18083}
BACKEND_PORT=${BENCH_BACKEND_PORT:-18081}
NGINX_PORT=${BENCH_NGINX_PORT:-18082}
GATEWAY_PORT=${BENCH_GATEWAY_PORT:-18080}
ISSUER=http://bench.invalid/realms/bawaba

SERVER=()
CLIENT=()
if [ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ]; then
  SERVER=(taskset -c "$SERVER_CPUS")
  CLIENT=(taskset -c "$CLIENT_CPUS")
fi

for tool in wrk nginx; do
  command -v "$tool" > /dev/null || apt-get install -y "$tool" > /dev/null
done
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=${GATEWAY_JAR:-$(ls "$ROOT"/gateway/target/gateway-*.jar 2> /dev/null | grep -v original | head -n 1 || true)}
[ -n "$JAR" ] || { echo "build the gateway first: ./mvnw -B -q -pl gateway package -DskipTests" >&2; exit 1; }

WORK=$(mktemp -d /tmp/bawaba-bench.XXXXXX)
chmod 755 "$WORK"  # nginx workers (user nobody) read the JWKS from here
GATEWAY_PID=
cleanup() {
  [ -n "$GATEWAY_PID" ] && kill "$GATEWAY_PID" 2> /dev/null && wait "$GATEWAY_PID" 2> /dev/null || true
  [ -f "$WORK/nginx.pid" ] && nginx -c "$WORK/nginx.conf" -p "$WORK" -s stop 2> /dev/null || true
  [ -n "${KEEP_LOG:-}" ] && cp "$WORK/gateway.log" /tmp/bench-gateway.log
  rm -rf "$WORK"
}
trap cleanup EXIT

"$JAVA" "$ROOT/deploy/bench/BenchToken.java" "$WORK" "$ISSUER"
TOKEN=$(cat "$WORK/token")

# The service: nginx answering a small JSON body (and serving the JWKS the bench gateway trusts);
# the reverse proxy: nginx in front of it with keep-alive upstream connections.
mkdir -p "$WORK/logs"
cat > "$WORK/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream service { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$BACKEND_PORT;
    keepalive_requests 1000000;
    location = /jwks.json { default_type application/json; alias $WORK/jwks.json; }
    location / { default_type application/json; return 200 '{"hello":"bawaba"}'; }
  }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    keepalive_requests 1000000;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
"${SERVER[@]}" nginx -c "$WORK/nginx.conf" -p "$WORK"

# The gateway as it runs in the suite, with the service found through the simple discovery
# client instead of Eureka, tokens checked against the JWKS above, limits high enough not to
# refuse the benchmark (each request still takes a token from its Redis bucket).
env -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS "${SERVER[@]}" "$JAVA" -Xms512m -Xmx512m ${GATEWAY_JVM_ARGS:-} -jar "$JAR" \
  --server.port="$GATEWAY_PORT" --eureka.client.enabled=false \
  "--spring.cloud.discovery.client.simple.instances.echo[0].uri=http://127.0.0.1:$BACKEND_PORT" \
  --bawaba.routing.services=echo \
  --spring.security.oauth2.resourceserver.jwt.issuer-uri="$ISSUER" \
  --spring.security.oauth2.resourceserver.jwt.jwk-set-uri="http://127.0.0.1:$BACKEND_PORT/jwks.json" \
  --spring.kafka.bootstrap-servers="127.0.0.1:$KAFKA_PORT" \
  --bawaba.rate-limit.key-prefix="bench-$$" \
  --bawaba.rate-limit.defaults.signed-in.replenish-rate=10000000 \
  --bawaba.rate-limit.defaults.signed-in.burst-capacity=10000000 \
  --logging.level.root=WARN ${GATEWAY_ARGS:-} > "$WORK/gateway.log" 2>&1 &
GATEWAY_PID=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" > /dev/null 2>&1 && break
  kill -0 "$GATEWAY_PID" 2> /dev/null || { tail -n 30 "$WORK/gateway.log" >&2; exit 1; }
  sleep 0.5
done
for _ in $(seq 1 40); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$GATEWAY_PORT/api/echo/hello")" = 200 ] && break
  sleep 0.5
done

declare -A URL=(
  [direct]="http://127.0.0.1:$BACKEND_PORT/hello"
  [gateway]="http://127.0.0.1:$GATEWAY_PORT/api/echo/hello"
  [nginx]="http://127.0.0.1:$NGINX_PORT/hello"
)
probe() { curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $TOKEN" "${URL[$1]}"; }
run() { "${CLIENT[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -H "Authorization: Bearer $TOKEN" "${URL[$1]}"; }

echo "Probe: direct $(probe direct), gateway $(probe gateway), nginx $(probe nginx)"
echo "Warming up (gateway ${GATEWAY_WARMUP}, nginx and direct ${WARMUP})…"
run gateway "$GATEWAY_WARMUP" > /dev/null
for target in nginx direct; do run "$target" "$WARMUP" > /dev/null; done

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A RPS P50 P99 ERRORS
for target in direct gateway nginx; do
  out=$(run "$target" "$DURATION")
  RPS[$target]=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  P50[$target]=$(awk '$1 == "50%" {print $2}' <<< "$out")
  P99[$target]=$(awk '$1 == "99%" {print $2}' <<< "$out")
  ERRORS[$target]=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<< "$out")
done

echo
echo "Authenticated GET, $CONNECTIONS connections, $THREADS wrk threads, $DURATION each, $(nproc) cores," \
  "$([ ${#SERVER[@]} -gt 0 ] && echo "servers on CPU $SERVER_CPUS, wrk on CPU $CLIENT_CPUS" || echo unpinned);" \
  "load average before: $LOAD"
printf '%-9s %12s %10s %10s %10s  %s\n' target 'requests/s' 'vs direct' p50 p99 errors
for target in direct gateway nginx; do
  ratio=$(awk -v a="${RPS[$target]}" -v b="${RPS[direct]}" 'BEGIN {printf "%.0f %%", 100 * a / b}')
  printf '%-9s %12s %10s %10s %10s  %s\n' "$target" "${RPS[$target]}" "$ratio" "${P50[$target]}" \
    "${P99[$target]}" "${ERRORS[$target]:-none}"
done
