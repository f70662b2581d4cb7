#!/usr/bin/env bash
# Benchmark: event published -> notice visible in the recipient's inbox, p50/p99, at 1,000 events/s,
# against the bare Kafka publish -> consume latency of the same broker at the same rate (baseline,
# measured in the same run). NotificationsBench.java starts everything it needs — an embedded KRaft
# broker, a JWKS endpoint, the notifications jar on PORT against a fresh database
# bawaba_notifications_bench on the machine's PostgreSQL — and stops it at the end.
#
#   deploy/bench/notifications.sh                       # 1,000 events/s, 10 s warm-up, 20 s measured
#   RATE=500 SECONDS=30 RECIPIENTS=1000 deploy/bench/notifications.sh
#
# Every event is an e-services "application submitted" for one of RECIPIENTS citizens, each with a
# live stream (GET /me/stream) open; a notice is "visible" when it arrives on that stream, which the
# service sends right after the notice's transaction committed (GET /me/notices shows it from then).
# Each notice also queues an e-mail delivery (the default channels), recorded NOT_CONFIGURED here.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
CP_FILE=$(mktemp /tmp/bawaba-bench-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT

./mvnw -B -q -ntp -pl services/notifications -am package -DskipTests \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" > /dev/null
JAR=$(ls services/notifications/target/notifications-*.jar | grep -v original | head -n 1)
CP="$(cat "$CP_FILE"):services/notifications/target/classes"
"$JAVA_HOME/bin/java" -cp "$CP" deploy/bench/NotificationsBench.java "$JAR"
