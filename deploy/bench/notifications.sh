#!/usr/bin/env bash
# Benchmark: event published -> notice visible in the recipient's inbox, p50/p99, at 1,000 events/s,
# against the bare Kafka publish -> consume latency of the same broker at the same rate (baseline,
# measured in the same run), without and with Kafka's authentication (issue 17). NotificationsBench.java
# starts everything it needs — the broker, stand-ins for Keycloak's realm (JWKS and token endpoint) and
# for the e-services catalogue (the names in the notices), the notifications jar against a fresh
# database bawaba_notifications_bench on the machine's PostgreSQL — and stops it at the end.
#
#   deploy/bench/notifications.sh                       # 1,000 events/s, 10 s warm-up, 20 s measured, both modes
#   RATE=500 SECONDS=30 RECIPIENTS=1000 deploy/bench/notifications.sh
#   KAFKA_AUTH=off deploy/bench/notifications.sh        # only without authentication, as before issue 17
#
# KAFKA_AUTH (each mode a fresh broker, database and service process):
#   off   Kafka without authentication: an embedded KRaft broker in the bench's JVM (3 partitions, topics
#         created on first use);
#   on    Kafka as the platform runs it: a kafka.Kafka process configured from
#         deploy/local/kafka/server.properties.template (no anonymous client: SASL OAUTHBEARER, tokens
#         checked against the bench's JWKS, principal = azp; StandardAuthorizer with the ACLs of
#         deploy/kubernetes/base/kafka/users.yaml; the topics of topics.yaml); the service signs in as
#         notifications, the events' producer as eservices, the baseline as bench, each with its own
#         client credentials at the bench's token endpoint, as with Keycloak;
#   both  (default) off, then on, then a table of both with the ratios authenticated/plain, including
#         the one-time costs: service start -> ready and -> consuming, a fresh producer's first
#         acknowledged record (token fetch and SASL handshake included).
# PLAIN_BROKER=process runs "off" on the same kafka.Kafka process and topics as "on", with PLAINTEXT
# listeners and no authorizer: authentication is then the only difference between the two.
# PORT: the service's port (default: a free one; refused if in use). Logs: LOG (default
# /tmp/bench-notifications.log) with the mode in its name: /tmp/bench-notifications-plain.log and
# -auth.log for the service, -kafka-auth.log (and -kafka-plain.log) for the broker process.
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
