#!/usr/bin/env bash
# Benchmark of the open data service, in one run against the machine's PostgreSQL:
#  1. CSV ingest: the same generated file loaded (a) by plain `COPY ... FROM STDIN` (psql \copy) into a
#     bare table — the baseline — and (b) through the service: HTTP multipart upload, streaming type
#     inference, COPY, indexes (primary key, full text, the first columns) and the version swap.
#     Prints rows/s of both, the ratio, and the service's peak resident memory (its heap is capped).
#  2. datastore_search latency on the loaded table (sequential requests, p50/p95/max) for a first page,
#     a deep offset, a filter, a filter with sort, a list filter (total estimated) and full text.
# Starts what it needs (the service jar, a JWKS server) and stops it; drops its database at the end.
# Needs the service built (./mvnw -B -q -pl services/opendata -am package -DskipTests) and python3.
#
#   deploy/bench/opendata.sh                      # 1,000,000 rows (~56 MB), heap -Xmx256m
#   ROWS=18000000 deploy/bench/opendata.sh        # ~1 GB, streamed with the same 256 MB heap
#   HEAP=-Xmx256m REQUESTS=50 deploy/bench/opendata.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ROWS=${ROWS:-1000000}
HEAP=${HEAP:--Xmx256m}
REQUESTS=${REQUESTS:-40}
PORT=${BENCH_OPENDATA_PORT:-18183}
JWKS_PORT=${BENCH_JWKS_PORT:-18184}
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
DB=bawaba_opendata_bench
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=$(ls "$ROOT"/services/opendata/target/opendata-*.jar 2> /dev/null | grep -v original | head -n 1 || true)
[ -n "$JAR" ] || { echo "build first: ./mvnw -B -q -pl services/opendata -am package -DskipTests" >&2; exit 1; }
WORK=$(mktemp -d /tmp/bawaba-opendata-bench.XXXXXX)
SERVICE_PID=
JWKS_PID=
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2> /dev/null && wait "$SERVICE_PID" 2> /dev/null || true
  [ -n "$JWKS_PID" ] && kill "$JWKS_PID" 2> /dev/null && wait "$JWKS_PID" 2> /dev/null || true
  [ -n "${KEEP_LOG:-}" ] && cp "$WORK/service.log" /tmp/bench-opendata.log
  psql -q -h "$PGHOST" -U "$PGUSER" -d postgres -c "drop database if exists $DB with (force)" > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
now() { date +%s.%N; }
elapsed() { python3 -c "print(f'{$2 - $1:.2f}')"; }

psql -q -h "$PGHOST" -U "$PGUSER" -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB" > /dev/null

echo "Generating $ROWS rows ..."
python3 - "$WORK/data.csv" "$ROWS" <<'PY'
import sys, datetime
path, rows = sys.argv[1], int(sys.argv[2])
regions = ["الدوحة", "الريان", "الوكرة", "الخور", "الشمال", "Doha", "Al Rayyan", "Al Wakra", "Al Khor", "Al Shamal"]
start = datetime.date(2024, 1, 1)
days = [(start + datetime.timedelta(days=d)).isoformat() for d in range(366)]
with open(path, "w", encoding="utf-8", buffering=1 << 20) as out:
    out.write("id,region,category,amount,day,note\n")
    for i in range(1, rows + 1):
        out.write(f"{i},{regions[(i - 1) % 10]},{i % 20},{i % 1000}.{i % 100},{days[i % 366]},"
                  f"{'طلب جديد' if i % 7 == 0 else 'renewal request'}\n")
PY
SIZE=$(stat -c %s "$WORK/data.csv")
echo "File: $((SIZE / 1024 / 1024)) MiB"

# (a) the baseline: plain COPY of the same file into a bare table
psql -q -h "$PGHOST" -U "$PGUSER" -d "$DB" -c \
  "create table plain (id bigint, region text, category bigint, amount numeric, day date, note text)"
T0=$(now)
psql -q -h "$PGHOST" -U "$PGUSER" -d "$DB" -c "\\copy plain from '$WORK/data.csv' with (format csv, header true)"
T1=$(now)
PLAIN=$(elapsed "$T0" "$T1")
psql -q -h "$PGHOST" -U "$PGUSER" -d "$DB" -c "drop table plain"

# (b) the service, with a capped heap, trusting a JWKS served from the work folder
"$JAVA" "$ROOT/deploy/bench/BenchToken.java" "$WORK" "http://127.0.0.1:$JWKS_PORT/realms/bawaba" \
  agency-staff,agency-admin moi
TOKEN=$(cat "$WORK/token")
(cd "$WORK" && exec python3 -m http.server "$JWKS_PORT" --bind 127.0.0.1 > /dev/null 2>&1) &
JWKS_PID=$!
"$JAVA" $HEAP -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$DB" --spring.datasource.username="$PGUSER" \
  --bawaba.security.issuer-uri="http://127.0.0.1:$JWKS_PORT/realms/bawaba" \
  --bawaba.security.jwk-set-uri="http://127.0.0.1:$JWKS_PORT/jwks.json" \
  --spring.kafka.bootstrap-servers=127.0.0.1:1 --eureka.client.enabled=false \
  --spring.cloud.service-registry.auto-registration.enabled=false \
  --opendata.datastore.upload-directory="$WORK/uploads" --spring.servlet.multipart.location="$WORK" \
  --logging.level.org.apache.kafka=OFF > "$WORK/service.log" 2>&1 &
SERVICE_PID=$!
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" > /dev/null && break
  kill -0 "$SERVICE_PID" 2> /dev/null || { tail -30 "$WORK/service.log"; exit 1; }
  sleep 1
done
API="http://127.0.0.1:$PORT"
curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -X POST "$API/datasets" -d \
  '{"name":"bench","organization":"moi","title":{"en":"Bench","ar":"قياس"},"license":"cc-by","private":false}' > /dev/null
RESOURCE=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -X POST \
  "$API/datasets/bench/resources" -d '{"name":{"en":"Data","ar":"بيانات"},"format":"CSV"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
T0=$(now)
curl -sf -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/data.csv;type=text/csv" "$API/resources/$RESOURCE/data" \
  > "$WORK/loaded.json"
T1=$(now)
SERVICE=$(elapsed "$T0" "$T1")
HWM=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$SERVICE_PID/status")
PHASES=$(grep -o 'inspected in [0-9]* ms, copied and indexed in [0-9]* ms' "$WORK/service.log" | tail -n 1)

echo
echo "CSV ingest of $ROWS rows ($((SIZE / 1024 / 1024)) MiB):"
python3 - "$ROWS" "$PLAIN" "$SERVICE" <<'PY'
import sys
rows, plain, service = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
print(f"  plain COPY (baseline)   {plain:8.2f} s  {rows / plain:12,.0f} rows/s")
print(f"  service upload + load   {service:8.2f} s  {rows / service:12,.0f} rows/s  = {plain / service:.0%} of plain COPY")
PY
echo "  service phases: $PHASES; peak resident memory ${HWM} MiB with $HEAP"

search() {
  local name=$1 query=$2 times=()
  for _ in $(seq 1 "$REQUESTS"); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "$API/api/3/action/datastore_search?resource_id=$RESOURCE&$query")")
  done
  printf '%s\n' "${times[@]}" | python3 -c "
import sys
t = sorted(float(x) * 1000 for x in sys.stdin)
print(f'  {\"$name\":<34} p50 {t[len(t) // 2]:7.1f} ms  p95 {t[int(len(t) * 0.95) - 1]:7.1f} ms  max {t[-1]:7.1f} ms')"
}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
echo
echo "datastore_search on $ROWS rows ($REQUESTS sequential requests each, after one warm-up):"
search warmup "limit=1" > /dev/null
search "first 100 rows, exact total" "limit=100"
search "offset 90 %" "limit=100&offset=$((ROWS * 9 / 10))"
search "filter region (10%)" "limit=100&filters=$(enc '{"region":"الوكرة"}')"
search "filter + sort amount desc" "limit=100&filters=$(enc '{"region":"Doha","category":6}')&sort=$(enc 'amount desc')"
search "list filter (20%, total estimated)" "limit=100&filters=$(enc '{"region":["Doha","الدوحة"]}')"
search "full text q (10%)" "limit=100&q=$(enc 'الريان')"
