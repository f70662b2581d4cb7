#!/usr/bin/env bash
# The fault suite (issue 18): crashes, outages and restarts of the running suite's parts under a steady load
# of citizens' journeys, then what was acknowledged is checked (deploy/chaos/README.md). It runs against the
# suite ./bawaba run started (--replicas 2; broker-kill also --kafka-brokers 3) and leaves it running.
#
#   deploy/chaos/chaos.sh                                  # every scenario, CHAOS_MODE=short
#   deploy/chaos/chaos.sh kill-instances kafka-down        # some of them
#   CHAOS_MODE=long deploy/chaos/chaos.sh rolling-restart  # longer load around each fault, every service
#
# Scenarios: kill-instances no-instance broker-kill kafka-down postgres-restart keycloak-down redis-down
# rolling-restart. One line of figures per scenario and PASS or FAIL with the reasons; the exit code is 1
# when any scenario failed. The commands it runs (restarts, stops) are logged to CHAOS_LOG
# (default /tmp/bawaba-chaos.log).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export PATH=$JAVA_HOME/bin:$PATH

# Brings back one component on the jars the suite runs: ./bawaba restart without its rebuild of a changed working
# tree (a crashed instance comes back as the build that crashed, not as whatever is being edited).
if [ "${1:-}" = restart-component ]; then
  BAWABA_NO_BUILD=1 exec "$ROOT/bawaba" restart "$2"
fi

# (Maven's Guice on JDK 25 warns of sun.misc.Unsafe at every start)
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
CP_FILE=$(mktemp /tmp/bawaba-chaos-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT
./mvnw -B -q -o -ntp -pl deploy/e2e dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" > /dev/null
# (kafka-clients logs through SLF4J, which has no provider here: nothing to say about that)
"$JAVA_HOME/bin/java" -Dslf4j.internal.verbosity=ERROR -Dchaos.root="$ROOT" -cp "$(cat "$CP_FILE")" deploy/chaos/Chaos.java "$@"
