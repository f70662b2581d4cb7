# shellcheck shell=bash
# `./bawaba test`: every module's unit and integration tests, then the end-to-end tests against
# the suite started the way the README says (./bawaba run), then a check that `stop` leaves
# nothing behind. Sourced by ./bawaba after launcher.sh.

cmd_test() {
  use_jdk
  mkdir -p "$LOGS" "$PIDS"
  local started_here=0 rc=0
  say "== 1/4 Module tests (./mvnw install: unit tests, then integration tests)"
  # reports of an earlier run would be counted again in the closing line
  find "$ROOT" -path "$ROOT/.bawaba" -prune -o -type d \
       \( -name surefire-reports -o -name 'failsafe-reports*' \) -path '*/target/*' -prune -exec rm -rf {} + 
  (cd "$ROOT" && ./mvnw -B -ntp install "$@") || return 1

  say "== 2/4 End-to-end tests against the running suite"
  browser_preflight || return 1
  load_apps
  if cmd_status > /dev/null 2>&1; then
    say "Using the suite that is already running."
  else
    cmd_run || return 1
    started_here=1
  fi
  (cd "$ROOT" && ./mvnw -B -ntp -pl deploy/e2e -Pe2e verify \
      -Dbawaba.gateway="http://localhost:$PUBLIC_PORT" \
      -Dbawaba.keycloak="http://localhost:$KEYCLOAK_PORT" -Dbawaba.runtime="$RT") || rc=1

  if [ $started_here = 1 ]; then
    say "== 3/4 ./bawaba stop leaves nothing behind"
    stop_leaves_nothing || rc=1
    replicated_journeys || rc=1
  fi
  test_summary
  return $rc
}

# Stops the suite run started and checks that no process it started is left and no port of its components is
# still taken.
stop_leaves_nothing() {
  local leftovers still=() pid c p
  leftovers=$(pids_started)
  cmd_stop
  for pid in $leftovers; do kill -0 "$pid" 2>/dev/null && still+=("$pid"); done
  for c in $(all_components); do
    for p in $(component_ports "$c"); do port_open 127.0.0.1 "$p" && still+=("port $p ($c)"); done
  done
  if [ ${#still[@]} -gt 0 ]; then
    say "FAILED: still alive after stop: ${still[*]}"; return 1
  fi
  say "Every process started by run has ended and every port is free."
}

# The journeys that cross instances, against the suite started again with two instances of every service and
# of the gateway behind HAProxy and three Kafka brokers (./bawaba run --replicas 2 --kafka-brokers 3): an
# application with its payment, a newborn's registration, tell us once, a vote, live notices (in the browser too),
# a signed-in browser session, and what the registry, the ports and the brokers say; then the fault suite's short
# mode against it (deploy/chaos). BAWABA_TEST_REPLICAS=1 leaves this out; BAWABA_TEST_KAFKA_BROKERS=1 keeps one
# broker; BAWABA_TEST_CHAOS names the scenarios to run (default: all; "none": no fault suite). The first run's e2e
# reports are kept beside this one's (failsafe-reports-single), so the closing line counts both.
REPLICATED_JOURNEYS=ReplicasIT,SecureByDefaultIT,EservicesJourneyIT,NewbornJourneyIT,TellUsOnceIT,ParticipationJourneyIT,NotificationsJourneyIT,BrowserSessionIT,PortalCitizenIT

replicated_journeys() {
  local -x BAWABA_REPLICAS=${BAWABA_TEST_REPLICAS:-2} BAWABA_KAFKA_BROKERS=${BAWABA_TEST_KAFKA_BROKERS:-3}
  local rc=0 reports=$ROOT/deploy/e2e/target/failsafe-reports scenarios=()
  [ "$BAWABA_REPLICAS" -gt 1 ] || return 0
  say "== 4/4 The journeys that cross instances and the fault suite, against the suite with --replicas $BAWABA_REPLICAS --kafka-brokers $BAWABA_KAFKA_BROKERS"
  rm -rf "$reports-single"
  [ -d "$reports" ] && mv "$reports" "$reports-single"
  cmd_run || return 1
  (cd "$ROOT" && ./mvnw -B -ntp -pl deploy/e2e -Pe2e verify -Dit.test="$REPLICATED_JOURNEYS" \
      -Dbawaba.gateway="http://localhost:$PUBLIC_PORT" \
      -Dbawaba.keycloak="http://localhost:$KEYCLOAK_PORT" -Dbawaba.runtime="$RT") || rc=1
  read -r -a scenarios <<< "${BAWABA_TEST_CHAOS:-}"
  if [ "${scenarios[*]}" != none ]; then
    say "== The fault suite (deploy/chaos, short mode) ${scenarios[*]}"
    CHAOS_MODE=${CHAOS_MODE:-short} "$ROOT/deploy/chaos/chaos.sh" "${scenarios[@]}" || rc=1
  fi
  stop_leaves_nothing || rc=1
  return $rc
}

# The portal's browser tests (deploy/e2e Portal*IT) need Debian's chromium and chromium-driver.
# Installed here when missing and this is a root shell with apt-get (as on CI); otherwise say how.
browser_preflight() {
  command -v chromium > /dev/null && command -v chromedriver > /dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    say "Installing chromium and chromium-driver for the portal's browser tests…"
    apt-get update -qq > /dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver > /dev/null \
      && return 0
  fi
  say "The portal's browser tests need chromium and chromium-driver: sudo apt-get install chromium chromium-driver"
  return 1
}

# Every pid in every process group that run started (to check after stop).
pids_started() {
  local c pid
  for c in $(all_components); do
    pid=$(pid_of "$c") && ps -o pid= -g "$pid"
  done
}

# One closing line over every Surefire and Failsafe report of this run.
test_summary() {
  find "$ROOT" -path "$ROOT/.bawaba" -prune -o -type f -name 'TEST-*.xml' \
       \( -path '*/target/surefire-reports/*' -o -path '*/target/failsafe-reports*/*' \) -print0 |
    xargs -0 -r grep -ho '<testsuite [^>]*>' |
    awk '
      function attr(name,   m) { return match($0, " " name "=\"[0-9]+\"") ? substr($0, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0 : 0 }
      { t += attr("tests"); f += attr("failures") + attr("errors"); s += attr("skipped") }
      END { printf "Bawaba tests: %d passed, %d failed, %d skipped\n", t - f - s, f, s }'
}
