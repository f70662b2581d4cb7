# shellcheck shell=bash
# The Bawaba local launcher, sourced by ./bawaba. Starts the whole suite without Docker: a Kafka
# broker and Keycloak fetched from Maven Central, the registry, every service, the gateway; each
# when what it needs is healthy. Everything it starts is recorded in .bawaba/run so that `stop`
# ends exactly those processes and nothing else.

ROOT=${ROOT:?}
RT=${BAWABA_RUNTIME:-$ROOT/.bawaba}
CACHE=${BAWABA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/bawaba}
LOGS=$RT/logs
PIDS=$RT/run

KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_BROKER_PORT=${KAFKA_BROKER_PORT:-9094}
KEYCLOAK_PORT=${KEYCLOAK_PORT:-8180}
KEYCLOAK_MGMT_PORT=${KEYCLOAK_MGMT_PORT:-9180}
REGISTRY_PORT=${REGISTRY_PORT:-8761}
# The local mail catcher (GreenMail): services send e-mail to its SMTP port; read it in its web UI.
MAIL_SMTP_PORT=${MAIL_SMTP_PORT:-3025}
MAIL_WEB_PORT=${MAIL_WEB_PORT:-8025}
# The local SMS gateway stand-in (WireMock): notifications sends SMS to it; read them at /__admin/requests.
SMS_PORT=${SMS_PORT:-8026}
PG_HOST=${PGHOST:-127.0.0.1}
PG_PORT=${PGPORT:-5432}
PG_USER=${PGUSER:-postgres}
# Databases are named bawaba_<component>; BAWABA_DB_PREFIX=<p> names them <p>_<component> instead (a
# second checkout on the same PostgreSQL, with migrations of its own).
DB_PREFIX=${BAWABA_DB_PREFIX:-bawaba}
KEYCLOAK_DB=${KEYCLOAK_DB:-${DB_PREFIX}_keycloak}
REDIS_HOST=${REDIS_HOST:-127.0.0.1}
# Internal components (registry, services, Keycloak's management port) listen here; the gateway and
# Keycloak's sign-in port on PUBLIC_BIND_ADDRESS.
BIND_ADDRESS=${BAWABA_BIND_ADDRESS:-127.0.0.1}
PUBLIC_BIND_ADDRESS=${BAWABA_PUBLIC_BIND_ADDRESS:-0.0.0.0}
REDIS_PORT=${REDIS_PORT:-6379}
# A first run on a busy machine: Keycloak builds itself (~100 s under load) before it starts.
START_TIMEOUT=${BAWABA_START_TIMEOUT:-480}
# Stopping: each service finishes its requests and, on its first stop, writes its class-data archive;
# a dozen JVMs doing that at once on two cores took over 30 s.
STOP_TIMEOUT=${BAWABA_STOP_TIMEOUT:-120}
# Small heaps and C1 only: many JVMs share two cores and start faster this way. Override with
# BAWABA_JAVA_OPTS (for benchmarks, drop -XX:TieredStopAtLevel=1).
SERVICE_JAVA_OPTS=${BAWABA_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xms32m -Xmx256m}

pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1; }
KEYCLOAK_VERSION=$(pom_property keycloak.version)
KAFKA_VERSION=$(pom_property kafka-broker.version)
KEYCLOAK_HOME=$CACHE/keycloak-$KEYCLOAK_VERSION
KAFKA_LIBS=$CACHE/kafka-$KAFKA_VERSION/libs
GREENMAIL_VERSION=$(pom_property greenmail.version)
GREENMAIL_JAR=$CACHE/greenmail-standalone-$GREENMAIL_VERSION.jar
WIREMOCK_JAR=$CACHE/wiremock-standalone-$(pom_property wiremock.version).jar
REALM_JSON=$ROOT/auth/src/main/resources/keycloak/bawaba-realm.json

SECRETS=$RT/secrets.env

say() { printf '%s\n' "$*"; }
die() { printf 'bawaba: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------
# JDK: JAVA_HOME when it is 21 or newer, else the newest JDK >= 21 found on the machine.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(java_major "$JAVA_HOME/bin/java")
    if [ "${major:-0}" -ge 21 ]; then printf '%s' "$JAVA_HOME"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /usr/local/*/bin/java \
                   "$(command -v java 2>/dev/null)"; do
    [ -x "$candidate" ] || continue
    [ -x "$(dirname "$candidate")/javac" ] || continue
    major=$(java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best_major=$major
      best=$(cd "$(dirname "$candidate")/.." && pwd -P)
    fi
  done
  [ -n "$best" ] || return 1
  printf '%s' "$best"
}

use_jdk() {
  local jdk
  jdk=$(find_jdk) || die "no JDK 21 or newer found (JAVA_HOME=${JAVA_HOME:-unset}).
Install one, for example Eclipse Temurin 21 or 25 (https://adoptium.net) or Debian's
openjdk-21-jdk where your release has it, then run again or point JAVA_HOME at it."
  export JAVA_HOME=$jdk
  export PATH=$JAVA_HOME/bin:$PATH
}

mvnw() { (cd "$ROOT" && ./mvnw -B -q "$@"); }

# Secrets: generated once per installation, kept in .bawaba/secrets.env (mode 0600), never printed but by
# `./bawaba secret NAME`. Nothing of the platform has a default secret.
new_secret() {
  case "$1" in
    # base64 of 32 random bytes (an AES-256 key)
    key256) head -c 32 /dev/urandom | base64 | tr -d '\n' ;;
    # 32 random bytes, URL-safe base64 without padding: fits in a URL's user info and a form field
    *) head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' ;;
  esac
}

# The value of secret $1 (kind $2: token or key256), made and kept the first time it is asked for.
secret() {
  local name=$1 kind=${2:-token} value
  if [ -f "$SECRETS" ]; then
    value=$(sed -n "s/^$name=//p" "$SECRETS" | head -n 1)
    [ -n "$value" ] && { printf '%s' "$value"; return 0; }
  fi
  mkdir -p "$RT"
  value=$(new_secret "$kind")
  ( umask 077; printf '%s=%s\n' "$name" "$value" >> "$SECRETS" )
  chmod 600 "$SECRETS"
  printf '%s' "$value"
}

# A component's own Keycloak client secret (the realm file's ${BAWABA_CLIENT_SECRET_<COMPONENT>}).
client_secret_var() { local var="BAWABA_CLIENT_SECRET_${1^^}"; echo "${var//-/_}"; }

# Every client secret the realm file asks for, as NAME=value words for Keycloak's environment.
realm_secrets() {
  local var
  for var in $(grep -o '\${BAWABA_CLIENT_SECRET_[A-Z0-9_]*}' "$REALM_JSON" | tr -d '${}' | sort -u); do
    printf '%s=%s\n' "$var" "$(secret "$var")"
  done
}

# The secrets of secrets.conf a component needs, as NAME=value words.
component_secrets() {
  local component variable kind
  while read -r component variable kind _; do
    case "$component" in ''|'#'*) continue ;; esac
    [ "$component" = "$1" ] && printf '%s=%s\n' "$variable" "$(secret "$variable" "$kind")"
  done < "$ROOT/deploy/local/secrets.conf"
}

# ---------------------------------------------------------------------------------------------
# Probes. /dev/tcp keeps the launcher free of extra tools.
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
http_ok() { curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null; }

redis_pong() {
  local reply
  reply=$( { exec 3<>"/dev/tcp/$REDIS_HOST/$REDIS_PORT" && printf 'PING\r\n' >&3 &&
             timeout 2 head -c 5 <&3; } 2>/dev/null)
  [ "$reply" = "+PONG" ]
}

psql_do() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -t -A -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "$1"; }

# ---------------------------------------------------------------------------------------------
# Components. A component is a name, a start function, a readiness probe and a log file.
# Applications are read from services.conf; infrastructure is fixed.
declare -a APPS=()
declare -A APP_PORT=() APP_MODULE=() APP_DB=()
# The one public entry: the gateway's port of services.conf. With one instance of everything the gateway
# listens there; with more (./bawaba run --replicas N) the balancer does, in front of the gateways.
PUBLIC_PORT=8080
REPLICAS=1
KAFKA_BROKERS=1

# How many instances of every Spring service and of the gateway run: --replicas N (BAWABA_REPLICAS) for `run`,
# remembered in .bawaba/run/replicas for the commands that follow it (status, stop, restart).
replicas() {
  local n=${BAWABA_REPLICAS:-$(cat "$PIDS/replicas" 2>/dev/null || echo 1)}
  [[ "$n" =~ ^[1-3]$ ]] || die "--replicas takes 1, 2 or 3 (not $n)"
  echo "$n"
}

# How many Kafka brokers run: --kafka-brokers 3 (BAWABA_KAFKA_BROKERS) for `run`, a three-node KRaft cluster whose
# topics keep three replicas, two in sync; remembered in .bawaba/run/kafka-brokers as the replicas are.
kafka_brokers() {
  local n=${BAWABA_KAFKA_BROKERS:-$(cat "$PIDS/kafka-brokers" 2>/dev/null || echo 1)}
  [[ "$n" =~ ^[13]$ ]] || die "--kafka-brokers takes 1 or 3 (not $n)"
  echo "$n"
}

# The Kafka nodes (kafka, kafka@2, kafka@3), each a broker and a controller. Node k listens 10000 ports above
# node k-1, as a service's instances do: clients 9092, 19092, 29092.
kafka_nodes() { local k; echo kafka; for k in $(seq 2 "$KAFKA_BROKERS"); do echo "kafka@$k"; done; }
kafka_node() { local k=${1#kafka}; k=${k#@}; echo "${k:-1}"; }
kafka_port() { echo $(( $2 + 10000 * ($(kafka_node "$1") - 1) )); }
kafka_bootstrap() {
  local n out=()
  for n in $(kafka_nodes); do out+=("localhost:$(kafka_port "$n" "$KAFKA_PORT")"); done
  local IFS=,; echo "${out[*]}"
}
# One broker keeps its data where it always has; three keep theirs apart: a different cluster, not a different
# size of the same one (events of one are not in the other).
kafka_dir() {
  if [ "$KAFKA_BROKERS" = 1 ]; then echo "$RT/kafka"; else echo "$RT/kafka-3brokers/$(kafka_node "$1")"; fi
}

# The service an instance belongs to: eservices@2 is the second instance of eservices.
base_of() { echo "${1%@*}"; }

load_apps() {
  local name port module db
  APPS=()
  while read -r name port module db; do
    case "$name" in ''|'#'*) continue ;; esac
    [[ " ${BAWABA_SKIP:-} " == *" $name "* ]] && continue
    [ -d "$ROOT/$module/src/main/java" ] || continue
    grep -rqs 'SpringApplication.run' "$ROOT/$module/src/main/java" || continue
    local override="${name^^}_PORT"; override=${override//-/_}   # moi-identity: MOI_IDENTITY_PORT
    [ "$db" = - ] || db=${DB_PREFIX}_${db#bawaba_}
    APPS+=("$name"); APP_PORT[$name]=${!override:-$port}; APP_MODULE[$name]=$module; APP_DB[$name]=$db
  done < "$ROOT/deploy/local/services.conf"
  PUBLIC_PORT=${APP_PORT[gateway]:-8080}
  KAFKA_BROKERS=$(kafka_brokers)
  REPLICAS=$(replicas)
  [ "$REPLICAS" -gt 1 ] || return 0
  # Instance k of a service listens 10000 ports above instance k-1 (eservices 8081, eservices@2 18081);
  # the gateways move off the public port, which the balancer takes: gateway 18080, gateway@2 28080.
  local instances=() base k instance step=10000
  for base in "${APPS[@]}"; do
    for k in $(seq 1 "$REPLICAS"); do
      instance=$base; [ "$k" = 1 ] || instance=$base@$k
      instances+=("$instance")
      APP_MODULE[$instance]=${APP_MODULE[$base]}; APP_DB[$instance]=${APP_DB[$base]}
      if [ "$base" = gateway ]; then
        APP_PORT[$instance]=$((PUBLIC_PORT + step * k))
      else
        APP_PORT[$instance]=$((APP_PORT[$base] + step * (k - 1)))
      fi
    done
  done
  APPS=("${instances[@]}")
}

# The gateway's instances (one unless --replicas), which the balancer sends requests to.
gateways() { local a; for a in "${APPS[@]}"; do [ "$(base_of "$a")" != gateway ] || echo "$a"; done; }

all_components() {
  kafka_nodes
  printf '%s\n' keycloak mail sms registry "${APPS[@]}"
  [ "$REPLICAS" = 1 ] || echo balancer
}

component_ports() {
  case "$1" in
    kafka|kafka@*) local p; for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" "$KAFKA_BROKER_PORT"; do
        printf '%s ' "$(kafka_port "$1" "$p")"; done; echo ;;
    keycloak) echo "$KEYCLOAK_PORT $KEYCLOAK_MGMT_PORT" ;;
    registry) echo "$REGISTRY_PORT" ;;
    mail) echo "$MAIL_SMTP_PORT $MAIL_WEB_PORT" ;;
    sms) echo "$SMS_PORT" ;;
    balancer) echo "$PUBLIC_PORT" ;;
    *) echo "${APP_PORT[$1]}" ;;
  esac
}

is_ready() {
  case "$1" in
    # ready once its topics and ACLs are in place (run_kafka); the other nodes once they have started
    kafka) [ -f "$(kafka_dir kafka)/acls.applied" ] && port_open 127.0.0.1 "$KAFKA_PORT" ;;
    kafka@*) grep -qs 'Kafka Server started' "$LOGS/$1.log" && port_open 127.0.0.1 "$(kafka_port "$1" "$KAFKA_PORT")" ;;
    keycloak) http_ok "http://localhost:$KEYCLOAK_MGMT_PORT/health/ready" ;;
    registry) http_ok "http://localhost:$REGISTRY_PORT/actuator/health/readiness" ;;
    mail) port_open 127.0.0.1 "$MAIL_SMTP_PORT" && port_open 127.0.0.1 "$MAIL_WEB_PORT" ;;
    sms) http_ok "http://127.0.0.1:$SMS_PORT/__admin/mappings" ;;
    # ready once it passes requests to a gateway that is ready
    balancer) http_ok "http://localhost:$PUBLIC_PORT/actuator/health/readiness" ;;
    *) http_ok "http://localhost:${APP_PORT[$1]}/actuator/health/readiness" ;;
  esac
}

# What a component waits for before it starts.
needs() {
  case "$(base_of "$1")" in
    keycloak|mail|sms|registry) ;;
    # the other gateways join it as their health checks pass
    balancer) echo gateway ;;
    # the broker checks clients' tokens with the realm's keys, which it fetches when it starts
    kafka) echo keycloak ;;
    # the registry admits each with its Keycloak client's credentials, which it checks with Keycloak
    gateway) echo registry keycloak ;;
    *) echo registry keycloak; kafka_nodes ;;
  esac
}

# Every component runs in its own session (setsid) with BAWABA_RUNTIME in its environment:
# `stop` signals the whole process group, and only when that marker proves the pid is still ours.
# The session's first process is a bash that sources this file, prepares what the component needs
# (format storage, extract a jar) and then execs the JVM, so the preparation overlaps with the
# other components' starts. Extra environment is passed as NAME=value words before the function.
spawn() {
  local name=$1; shift
  : > "$LOGS/$name.log"
  env ROOT="$ROOT" BAWABA_RUNTIME="$RT" setsid bash -c \
    'while [[ "$1" == *=* ]]; do export "$1"; shift; done; . "$ROOT/deploy/local/launcher.sh" && "$@"' \
    "bawaba-$name" "$@" >> "$LOGS/$name.log" 2>&1 < /dev/null &
  echo $! > "$PIDS/$name.pid"
}

# The environment is read whole before it is searched: `tr | grep -q` under pipefail failed now and
# then (grep stops at the match, tr dies of SIGPIPE on a large environment), and a starting
# component was reported as exited.
ours() {
  local pid=$1 env
  env=$(tr '\0' '\n' 2>/dev/null < "/proc/$pid/environ") || return 1
  [[ $'\n'"$env"$'\n' == *$'\n'"BAWABA_RUNTIME=$RT"$'\n'* ]]
}

pid_of() {
  local pid
  [ -f "$PIDS/$1.pid" ] || return 1
  pid=$(cat "$PIDS/$1.pid")
  kill -0 "$pid" 2>/dev/null && ours "$pid" || return 1
  echo "$pid"
}

# Whether the process run started for $1 (its session leader, whose pid is in its pid file) has ended.
# Only that: pid_of also asks whether a live pid is still ours, which a process in the middle of
# exec'ing its JVM can briefly not answer, and a component that is starting must not be taken for dead.
exited() {
  local pid
  pid=$(cat "$PIDS/$1.pid" 2>/dev/null) || return 0
  ! kill -0 "$pid" 2>/dev/null
}

# In the component's session: format node $1's storage the first time, then run it; once the first node has
# started, create the topics and converge the ACLs (deploy/local/KafkaAcls.java, from the cluster's topics.yaml
# and users.yaml) before the launcher takes it for ready. No listener is anonymous (see
# deploy/local/kafka/server.properties.template). One broker forms its quorum alone; three have a fixed quorum
# of their three controllers, so any two of them elect a leader and the third may be lost.
run_kafka() {
  local name=$1 dir node data cp="$KAFKA_LIBS/*" issuer="http://localhost:$KEYCLOAK_PORT/realms/bawaba"
  local password quorum voters=() n rf=1 isr=1
  load_apps
  dir=$(kafka_dir "$name"); node=$(kafka_node "$name"); data=$dir/data
  password=$(secret KAFKA_BROKER_PASSWORD)
  mkdir -p "$data"
  rm -f "$dir/acls.applied"
  if [ "$KAFKA_BROKERS" = 1 ]; then
    quorum="controller.quorum.bootstrap.servers=localhost:$KAFKA_CONTROLLER_PORT"
  else
    for n in $(kafka_nodes); do voters+=("$(kafka_node "$n")@localhost:$(kafka_port "$n" "$KAFKA_CONTROLLER_PORT")"); done
    quorum="controller.quorum.voters=$(IFS=,; echo "${voters[*]}")"
    rf=3; isr=2
  fi
  ( umask 077; sed -e "s#@KAFKA_PORT@#$(kafka_port "$name" "$KAFKA_PORT")#g" \
      -e "s#@CONTROLLER_PORT@#$(kafka_port "$name" "$KAFKA_CONTROLLER_PORT")#g" \
      -e "s#@BROKER_PORT@#$(kafka_port "$name" "$KAFKA_BROKER_PORT")#g" -e "s#@BROKER_PASSWORD@#$password#g" \
      -e "s#@ISSUER@#$issuer#g" -e "s#@DATA_DIR@#$data#g" -e "s#@NODE_ID@#$node#g" -e "s#@QUORUM@#$quorum#g" \
      -e "s#@REPLICATION@#$rf#g" -e "s#@MIN_INSYNC@#$isr#g" \
      "$ROOT/deploy/local/kafka/server.properties.template" > "$dir/server.properties" )
  if [ ! -f "$data/meta.properties" ]; then
    # one broker is its own quorum (--standalone); three have theirs in controller.quorum.voters
    local standalone=(); [ "$KAFKA_BROKERS" = 1 ] && standalone=(--standalone)
    java -cp "$cp" kafka.tools.StorageTool format "${standalone[@]}" -t "$(kafka_cluster_id)" \
      -c "$dir/server.properties" || die "formatting Kafka's storage failed"
  fi
  if [ "$node" = 1 ]; then
    local broker=$$
    (
      until grep -qs 'Kafka Server started' "$LOGS/kafka.log"; do
        kill -0 "$broker" 2>/dev/null || exit 0
        sleep 0.5
      done
      if java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" "$ROOT/deploy/local/KafkaAcls.java" \
          "localhost:$KAFKA_BROKER_PORT" "$password" "$ROOT/deploy/kubernetes/base/kafka/topics.yaml" \
          "$ROOT/deploy/kubernetes/base/kafka/users.yaml" "$KAFKA_BROKERS"; then
        touch "$dir/acls.applied"
      else
        echo "bawaba: the broker's topics and ACLs could not be applied; stopping it"
        kill "$broker"
      fi
    ) &
  fi
  # Kafka 4 fetches OAuth keys only from the URLs it is told it may
  exec java -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -Dorg.apache.kafka.sasl.oauthbearer.allowed.urls="$issuer/protocol/openid-connect/certs" \
    -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka/log4j2.yaml" \
    -cp "$cp" kafka.Kafka "$dir/server.properties"
}

# The cluster's id (16 random bytes, URL-safe base64 without padding), made once per cluster: every node of
# three is formatted with the same one.
kafka_cluster_id() {
  local file=$RT/kafka/cluster.id
  [ "$KAFKA_BROKERS" = 1 ] || file=$RT/kafka-3brokers/cluster.id
  mkdir -p "$(dirname "$file")"
  [ -s "$file" ] || head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$file"
  cat "$file"
}

start_keycloak() {
  local sum env=()
  mapfile -t env < <(realm_secrets; component_secrets keycloak)
  env+=(BAWABA_PUBLIC_URL="$(public_url)")
  # Keycloak imports a realm only into an empty database, filling the realm file's ${...} from its
  # environment (the clients' secrets, the public address). The checksum of the file and of those values
  # is kept as the database's comment: when either changes, the database is made anew so that the local
  # realm always matches them; when neither has, Keycloak starts on what it has (faster).
  sum=$( { cat "$REALM_JSON"; printf '%s\n' "${env[@]}"; } | sha256sum | cut -d' ' -f1)
  if [ "$(psql_do "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$KEYCLOAK_DB'")" \
       != "realm $sum" ]; then
    psql_do "DROP DATABASE IF EXISTS $KEYCLOAK_DB WITH (FORCE)" > /dev/null
    ensure_database "$KEYCLOAK_DB"
    psql_do "COMMENT ON DATABASE $KEYCLOAK_DB IS 'realm $sum'" > /dev/null
  fi
  mkdir -p "$KEYCLOAK_HOME/data/import" "$RT/tmp/keycloak"
  cp "$REALM_JSON" "$KEYCLOAK_HOME/data/import/bawaba-realm.json"
  # The master realm's admin is 'admin' with this installation's KEYCLOAK_ADMIN_PASSWORD.
  spawn keycloak "${env[@]}" \
    KC_BOOTSTRAP_ADMIN_USERNAME="${KEYCLOAK_ADMIN_USER:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$(secret KEYCLOAK_ADMIN_PASSWORD)" \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx384m -XX:TieredStopAtLevel=1" \
    JAVA_OPTS_APPEND="-Djava.io.tmpdir=$RT/tmp/keycloak" \
    exec "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
    --http-port="$KEYCLOAK_PORT" --http-management-port="$KEYCLOAK_MGMT_PORT" \
    --http-host="$PUBLIC_BIND_ADDRESS" --http-management-host="$BIND_ADDRESS" \
    --health-enabled=true --import-realm \
    --db=postgres --db-url="jdbc:postgresql://$PG_HOST:$PG_PORT/$KEYCLOAK_DB" \
    --db-username="$PG_USER" --db-password=unused-with-trust-auth \
    --db-pool-max-size="${KEYCLOAK_DB_POOL:-20}"
}

# (|| true: on a fresh clone there is no jar yet, and under pipefail a failed ls would end the script)
app_jar() { ls "$ROOT/${APP_MODULE[$1]}"/target/*-SNAPSHOT.jar 2>/dev/null | head -n 1 || true; }

# In the component's session: run an extracted copy of the jar. A rebuild then does not pull the
# jar from under a running service. A changed jar is extracted anew. No dynamic class-data-sharing
# archive (-XX:+AutoCreateSharedArchive): recording one crashed the JVM while it started (SIGSEGV in
# LambdaProxyClassDictionary::find_lambda_proxy_class, Temurin 25.0.3) in two of four first starts of
# the suite on 2026-12-07, CI's among them; the JDK's own archive of its classes is still used.
run_boot_jar() {
  local name=$1 jar=$2 dir=$RT/apps/$1 sum app
  sum=$(cksum < "$jar")
  if [ "$(cat "$dir.cksum" 2>/dev/null)" != "$sum" ]; then
    rm -rf "$dir" "$dir.cksum"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir" > /dev/null ||
      die "could not extract $jar"
    echo "$sum" > "$dir.cksum"
  fi
  app=$dir/$(basename "$jar")
  # shellcheck disable=SC2086
  # a JVM's crash report goes with the logs, not into the directory the command was run from
  exec java $SERVICE_JAVA_OPTS -XX:ErrorFile="$LOGS/$name-hs_err-%p.log" -jar "$app"
}

# Where the platform's parts find each other, and how each proves who it is: every Spring component
# gets its own Keycloak client's id and secret (for the registry, Kafka and calls as itself), the
# addresses of Keycloak, the registry and Kafka, and the secrets of secrets.conf it needs.
platform_env() {
  local name=$1
  printf '%s\n' "BAWABA_CLIENT_ID=$name" "BAWABA_CLIENT_SECRET=$(secret "$(client_secret_var "$name")")" \
    "KEYCLOAK_ISSUER_URI=http://localhost:$KEYCLOAK_PORT/realms/bawaba" "KEYCLOAK_URL=http://localhost:$KEYCLOAK_PORT" \
    "REGISTRY_ADDRESS=localhost:$REGISTRY_PORT" "KAFKA_BOOTSTRAP_SERVERS=$(kafka_bootstrap)" \
    "BAWABA_PUBLIC_URL=$(public_url)"
  # Kafka: its own client logs in at the broker's CLIENT listener with its own client credentials (Kafka's
  # OAUTHBEARER login), as in the cluster (deploy/kubernetes/base/platform.env), without TLS on loopback
  local token="http://localhost:$KEYCLOAK_PORT/realms/bawaba/protocol/openid-connect/token"
  printf '%s\n' "SPRING_KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT" "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM=OAUTHBEARER" \
    "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;" \
    "SPRING_KAFKA_PROPERTIES_SASL_LOGIN_CALLBACK_HANDLER_CLASS=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler" \
    "SPRING_KAFKA_PROPERTIES_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL=$token" \
    "SPRING_KAFKA_PROPERTIES_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_ID=$name" \
    "SPRING_KAFKA_PROPERTIES_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET=$(secret "$(client_secret_var "$name")")" \
    "JAVA_TOOL_OPTIONS=-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=$token"
  component_secrets "$name"
}

public_url() { echo "${BAWABA_PUBLIC_URL:-http://localhost:$PUBLIC_PORT}"; }

start_app() {
  local name=$1 base jar db=${APP_DB[$1]} env=()
  base=$(base_of "$name")
  jar=$(app_jar "$name")
  [ -n "$jar" ] || die "$name has no jar: run ./mvnw package"
  if [ "$db" != "-" ]; then
    ensure_database "$db"
    # Ten services and Keycloak share one PostgreSQL (max_connections 100 by default): a few
    # connections each is plenty for one machine.
    # (with --replicas, twice or three times as many instances: fewer each)
    env+=(SPRING_DATASOURCE_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" SPRING_DATASOURCE_USERNAME="$PG_USER"
      SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE="${BAWABA_DB_POOL:-$((REPLICAS > 1 ? 4 : 6))}")
  fi
  # every instance of a service is the same client: its Keycloak client, Kafka principal and secrets
  mapfile -t -O "${#env[@]}" env < <(platform_env "$base")
  # Only the gateway serves people; every other component listens on the loopback interface (and
  # registers that address), so nothing reaches a service but through the gateway. Behind the balancer,
  # the gateways listen on loopback too: the balancer is the public entry.
  if [ "$base" = gateway ] && [ "$REPLICAS" = 1 ]; then
    env+=(SERVER_ADDRESS="$PUBLIC_BIND_ADDRESS")
  else
    env+=(SERVER_ADDRESS="$BIND_ADDRESS" EUREKA_INSTANCE_IP_ADDRESS="$BIND_ADDRESS")
  fi
  # With other instances to take over, a stopping service leaves the registry first and keeps serving while the
  # gateways' view of the registry catches up (5 s fetch + 5 s load-balancer cache), as in the cluster; a stopping
  # gateway refuses at its readiness probe until the balancer (checking every second, two failures) has left it
  if [ "$REPLICAS" -gt 1 ]; then
    if [ "$base" = gateway ]; then env+=(BAWABA_SHUTDOWN_DRAIN=4s)
    else env+=(BAWABA_SHUTDOWN_DRAIN="${BAWABA_SHUTDOWN_DRAIN:-15s}"); fi
  fi
  # every service may send e-mail: locally to the mail catcher
  env+=(MAIL_HOST=127.0.0.1 MAIL_PORT="$MAIL_SMTP_PORT")
  # procurement makes its bid receipts' signing key (Ed25519) itself, once, into .bawaba/data (mode 0600):
  # allowed in the local run only
  [ "$base" = procurement ] && env+=(PROCUREMENT_GENERATE_LOCAL_KEYS=true)
  # payments through the simulated provider's page (its default is the installation's real provider)
  [ "$base" = eservices ] && env+=(ESERVICES_PAYMENTS_PROVIDER=simulated)
  # SMS to the local stand-in, and webhook receivers on this machine over http:// (local runs only)
  [ "$base" = notifications ] && env+=(SMS_BASE_URL="http://127.0.0.1:$SMS_PORT"
    WEBHOOKS_ALLOW_HTTP_LOOPBACK=true)
  # The gateway answers 504 when a service takes longer than this. Production keeps the gateway's
  # 1 s; on one machine running the whole suite, a service's first requests (cold JVM, C1 only,
  # other JVMs starting) can take several seconds.
  [ "$base" = gateway ] && env+=(BAWABA_GATEWAY_SERVICE_TIMEOUT="${BAWABA_GATEWAY_SERVICE_TIMEOUT:-10s}")
  spawn "$name" "${env[@]}" SERVER_PORT="${APP_PORT[$name]}" run_boot_jar "$name" "$jar"
}

start_component() {
  case "$1" in
    # the cluster's id is made here, before the nodes that share it start at once
    kafka|kafka@*) kafka_cluster_id > /dev/null; spawn "$1" run_kafka "$1" ;;
    keycloak) start_keycloak ;;
    # SMTP without authentication on loopback only; the web UI and REST API list what arrived
    mail) spawn mail exec java -Xms16m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
            -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$MAIL_SMTP_PORT" \
            -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_WEB_PORT" \
            -jar "$GREENMAIL_JAR" ;;
    sms) spawn sms exec java -Xms16m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$WIREMOCK_JAR" \
           --bind-address 127.0.0.1 --port "$SMS_PORT" --root-dir "$ROOT/deploy/local/sms" --disable-banner ;;
    registry) local env=(); mapfile -t env < <(component_secrets registry)
              spawn registry SERVER_PORT="$REGISTRY_PORT" SERVER_ADDRESS="$BIND_ADDRESS" \
                KEYCLOAK_ISSUER_URI="http://localhost:$KEYCLOAK_PORT/realms/bawaba" \
                "${env[@]}" run_boot_jar registry \
                "$(ls "$ROOT"/registry/target/registry-*.jar | head -n 1)" ;;
    balancer) spawn balancer run_balancer ;;
    *) start_app "$1" ;;
  esac
}

# In the balancer's session (--replicas N): Debian's HAProxy on the public port, in front of the gateways, as a
# cluster's load balancer is. Round robin over the gateways whose readiness answers 200 (checked every second);
# a request that could not reach a gateway at all goes to another. Long-lived answers (live streams) may stay
# open an hour. Only the gateways' state changes are logged.
run_balancer() {
  local cfg=$RT/balancer/haproxy.cfg g
  load_apps
  [ -n "$(gateways)" ] || die "no gateway to balance"
  mkdir -p "$RT/balancer"
  {
    cat <<EOF
global
  log stdout format raw local0 notice
  maxconn 4000
defaults
  mode http
  log global
  timeout connect 2s
  timeout check 3s
  timeout client 65s
  timeout server 65s
  timeout tunnel 1h
  retries 2
  retry-on conn-failure
  option redispatch
frontend public
  bind $PUBLIC_BIND_ADDRESS:$PUBLIC_PORT
  default_backend gateways
backend gateways
  balance roundrobin
  option httpchk
  http-check send meth GET uri /actuator/health/readiness
  http-check expect status 200
EOF
    for g in $(gateways); do
      printf '  server %s 127.0.0.1:%s check inter 1s fall 2 rise 2\n' "${g/@/-}" "${APP_PORT[$g]}"
    done
  } > "$cfg"
  exec haproxy -db -f "$cfg"
}

ensure_database() {
  local exists
  exists=$(psql_do "SELECT 1 FROM pg_database WHERE datname = '$1'")
  [ "$exists" = 1 ] || psql_do "CREATE DATABASE $1" > /dev/null ||
    die "could not create the PostgreSQL database $1"
}

# ---------------------------------------------------------------------------------------------
# Before anything starts: what is missing or in the way, and what to do about it.
preflight() {
  local problems=() c p
  command -v curl > /dev/null || problems+=("curl is missing: apt-get install curl")
  command -v psql > /dev/null || problems+=("psql (the PostgreSQL client) is missing: apt-get install postgresql-client")
  command -v setsid > /dev/null || problems+=("setsid is missing: apt-get install util-linux")
  if [ "$REPLICAS" -gt 1 ] && ! command -v haproxy > /dev/null; then
    # the load balancer in front of the gateways: Debian's, installed here when this is a root shell (as on CI)
    if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
      say "Installing HAProxy (the balancer in front of the gateways with --replicas)…"
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy; } > /dev/null 2>&1 ||
        problems+=("installing HAProxy failed: apt-get install haproxy")
    else
      problems+=("--replicas needs HAProxy in front of the gateways: sudo apt-get install haproxy")
    fi
  fi
  if ! port_open "$PG_HOST" "$PG_PORT"; then
    problems+=("PostgreSQL is not reachable at $PG_HOST:$PG_PORT. Start it, e.g.
    pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start
  or point PGHOST/PGPORT/PGUSER at yours (the launcher needs a user that may create databases).")
  elif command -v psql > /dev/null && ! psql_do 'SELECT 1' > /dev/null 2>&1; then
    problems+=("PostgreSQL at $PG_HOST:$PG_PORT refused user $PG_USER: set PGUSER (and PGPASSWORD) to a user that may create databases.")
  fi
  if ! redis_pong; then
    problems+=("Redis is not answering at $REDIS_HOST:$REDIS_PORT. Start it, e.g.
    redis-server --daemonize yes --bind 127.0.0.1 --port $REDIS_PORT --save '' --appendonly no
  or set REDIS_HOST/REDIS_PORT.")
  fi
  for c in $(all_components); do
    for p in $(component_ports "$c"); do
      if port_open 127.0.0.1 "$p"; then
        problems+=("port $p (needed by $c) is already in use by another process. Free it (see: ss -ltnp 'sport = :$p') or give $c another port: $(port_var "$c" "$p")=<port>.")
      fi
    done
  done
  if [ ${#problems[@]} -gt 0 ]; then
    printf 'bawaba: cannot start; nothing was started:\n' >&2
    printf '  - %s\n' "${problems[@]}" >&2
    exit 1
  fi
}

port_var() {
  case "$1:$2" in
    kafka*:"$(kafka_port "$1" "$KAFKA_CONTROLLER_PORT")") echo KAFKA_CONTROLLER_PORT ;;
    kafka*:"$(kafka_port "$1" "$KAFKA_BROKER_PORT")") echo KAFKA_BROKER_PORT ;;
    kafka*:*) echo KAFKA_PORT ;;
    keycloak:"$KEYCLOAK_MGMT_PORT") echo KEYCLOAK_MGMT_PORT ;;
    keycloak:*) echo KEYCLOAK_PORT ;;
    registry:*) echo REGISTRY_PORT ;;
    mail:"$MAIL_WEB_PORT") echo MAIL_WEB_PORT ;;
    mail:*) echo MAIL_SMTP_PORT ;;
    sms:*) echo SMS_PORT ;;
    balancer:*) echo GATEWAY_PORT ;;
    *) local var="${1^^}_PORT"; echo "${var//-/_}" ;;
  esac
}

# ---------------------------------------------------------------------------------------------
# Build and fetch what is missing; nothing when everything is up to date.
build_if_needed() {
  local name stale=0 jar
  for name in registry "${APPS[@]}"; do
    if [ "$name" = registry ]; then jar=$(ls "$ROOT"/registry/target/registry-*.jar 2>/dev/null | head -n 1 || true)
    else jar=$(app_jar "$name"); fi
    if [ -z "$jar" ]; then stale=1; break; fi
    if [ -n "$(find "$ROOT" -path "$ROOT/.bawaba" -prune -o \( -name pom.xml -o -path '*/src/main/*' \) \
          -newer "$jar" -type f -print -quit 2>/dev/null)" ]; then stale=1; break; fi
  done
  [ $stale = 0 ] && return 0
  say "Building Bawaba (./mvnw package, tests skipped: ./bawaba test runs them)…"
  mvnw -DskipTests package > "$LOGS/build.log" 2>&1 ||
    { tail -n 40 "$LOGS/build.log" >&2; die "the build failed: see $LOGS/build.log"; }
}

fetch_runtime() {
  if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
    say "Fetching Keycloak $KEYCLOAK_VERSION from Maven Central into $CACHE (once, ~170 MB)…"
    rm -rf "$CACHE/keycloak.unpacking"
    mvnw -f deploy/local/pom.xml -Pfetch-keycloak -Dbawaba.cache="$CACHE" validate \
      > "$LOGS/fetch-keycloak.log" 2>&1 || die "fetching Keycloak failed: see $LOGS/fetch-keycloak.log"
    mv "$CACHE/keycloak.unpacking/keycloak-$KEYCLOAK_VERSION" "$KEYCLOAK_HOME"
    rm -rf "$CACHE/keycloak.unpacking"
  fi
  if [ ! -f "$GREENMAIL_JAR" ]; then
    say "Fetching GreenMail $GREENMAIL_VERSION (the local mail catcher) from Maven Central into $CACHE (once, ~20 MB)…"
    mvnw -f deploy/local/pom.xml -Pfetch-greenmail -Dbawaba.cache="$CACHE" validate \
      > "$LOGS/fetch-greenmail.log" 2>&1 || die "fetching GreenMail failed: see $LOGS/fetch-greenmail.log"
  fi
  if [ ! -f "$WIREMOCK_JAR" ]; then
    say "Fetching WireMock (the local SMS gateway stand-in) from Maven Central into $CACHE (once, ~20 MB)…"
    mvnw -f deploy/local/pom.xml -Pfetch-wiremock -Dbawaba.cache="$CACHE" validate \
      > "$LOGS/fetch-wiremock.log" 2>&1 || die "fetching WireMock failed: see $LOGS/fetch-wiremock.log"
  fi
  if [ ! -d "$KAFKA_LIBS" ]; then
    say "Fetching Kafka $KAFKA_VERSION from Maven Central into $CACHE (once, ~45 MB)…"
    rm -rf "$CACHE/kafka.copying"
    mvnw -f deploy/local/pom.xml -Pfetch-kafka -Dbawaba.cache="$CACHE" validate \
      > "$LOGS/fetch-kafka.log" 2>&1 || die "fetching Kafka failed: see $LOGS/fetch-kafka.log"
    mkdir -p "$CACHE/kafka-$KAFKA_VERSION"
    mv "$CACHE/kafka.copying/libs" "$KAFKA_LIBS"
    rm -rf "$CACHE/kafka.copying"
  fi
}

# ---------------------------------------------------------------------------------------------
print_urls() {
  cat <<EOF

Bawaba is running. Point a browser at:
  The portal, Arabic and English   http://localhost:$PUBLIC_PORT/   (sign in as citizen1 / demo)
  Gateway (the only public entry)  http://localhost:$PUBLIC_PORT
  Your identity through it         http://localhost:$PUBLIC_PORT/api/me   (needs a token)
  Sign in with a browser           http://localhost:$PUBLIC_PORT/oauth2/authorization/keycloak
  API catalogue (Swagger UI)       http://localhost:$PUBLIC_PORT/swagger-ui.html
  Keycloak account console         http://localhost:$KEYCLOAK_PORT/realms/bawaba/account   (citizen1 / demo)
  Keycloak admin console           http://localhost:$KEYCLOAK_PORT/admin/   (admin; password: ./bawaba secret KEYCLOAK_ADMIN_PASSWORD)
  Eureka dashboard                 http://localhost:$REGISTRY_PORT   (operator; password: ./bawaba secret BAWABA_REGISTRY_OPERATOR_PASSWORD)
  Kafka bootstrap                  $(kafka_bootstrap)
  E-mail the services sent         http://localhost:$MAIL_WEB_PORT   (the local mail catcher, SMTP localhost:$MAIL_SMTP_PORT)
  SMS the services sent            http://localhost:$SMS_PORT/__admin/requests   (the local SMS gateway stand-in)

Demo users sign in with password demo; staff and admins also with a one-time code: ./bawaba otp moi-staff
Get a token and call the API:
  TOKEN=\$(./bawaba token citizen1)
  curl -H "Authorization: Bearer \$TOKEN" http://localhost:$PUBLIC_PORT/api/me

Logs: $LOGS    Status: ./bawaba status    Stop: ./bawaba stop
EOF
}

cmd_run() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --replicas) [ $# -ge 2 ] || die "--replicas needs a number (1, 2 or 3)"; export BAWABA_REPLICAS=$2; shift 2 ;;
      --replicas=*) export BAWABA_REPLICAS=${1#*=}; shift ;;
      --kafka-brokers) [ $# -ge 2 ] || die "--kafka-brokers needs a number (1 or 3)"; export BAWABA_KAFKA_BROKERS=$2; shift 2 ;;
      --kafka-brokers=*) export BAWABA_KAFKA_BROKERS=${1#*=}; shift ;;
      *) die "run takes --replicas N and --kafka-brokers N only (not $1)" ;;
    esac
  done
  use_jdk
  mkdir -p "$LOGS" "$PIDS" "$RT/keycloak" "$RT/tmp"
  load_apps
  local running=0 c
  for c in $(all_components); do pid_of "$c" > /dev/null && running=$((running + 1)); done
  if [ "$running" -gt 0 ]; then
    if [ "$running" -eq "$(all_components | wc -l)" ]; then
      say "Bawaba is already running."; print_urls; return 0
    fi
    die "part of the suite is already running ($running components): ./bawaba stop first."
  fi
  preflight
  build_if_needed
  fetch_runtime
  if [ "$REPLICAS" -gt 1 ]; then echo "$REPLICAS" > "$PIDS/replicas"; else rm -f "$PIDS/replicas"; fi
  if [ "$KAFKA_BROKERS" -gt 1 ]; then echo "$KAFKA_BROKERS" > "$PIDS/kafka-brokers"; else rm -f "$PIDS/kafka-brokers"; fi

  trap 'say ""; say "Interrupted: stopping what was started…"; cmd_stop; exit 130' INT TERM
  local t0=$SECONDS pending=() started=() ready=() last_report=0 dep ok pid
  declare -A since=() retried=()
  mapfile -t pending < <(all_components)
  say "Starting Bawaba (JDK: $JAVA_HOME$([ "$REPLICAS" = 1 ] || echo "; $REPLICAS instances of every service and of the gateway, behind HAProxy")$([ "$KAFKA_BROKERS" = 1 ] || echo "; $KAFKA_BROKERS Kafka brokers"))"
  while [ ${#pending[@]} -gt 0 ] || [ ${#started[@]} -gt 0 ]; do
    # start whatever has its needs met
    local next=()
    for c in "${pending[@]}"; do
      ok=1
      for dep in $(needs "$c"); do [[ " ${ready[*]} " == *" $dep "* ]] || ok=0; done
      if [ $ok = 1 ]; then
        start_component "$c"; started+=("$c"); since[$c]=$SECONDS
        printf '  [%4ss] %-16s starting\n' $((SECONDS - t0)) "$c"
      else
        next+=("$c")
      fi
    done
    pending=("${next[@]}")
    # collect whatever became ready, fail fast on whatever died
    next=()
    for c in "${started[@]}"; do
      if is_ready "$c"; then
        ready+=("$c")
        printf '  [%4ss] %-16s ready (%ss)\n' $((SECONDS - t0)) "$c" $((SECONDS - since[$c]))
      elif ! pid=$(pid_of "$c") && exited "$c" && [ -z "${retried[$c]:-}" ]; then
        # Once per component: a JVM that crashed while a dozen started at once on two cores (see
        # run_boot_jar) is not a reason to stop the suite; whatever is left of its session goes first.
        kill -KILL -- "-$(cat "$PIDS/$c.pid")" 2>/dev/null || true
        printf '  [%4ss] %-16s exited while starting (see %s); starting it once more\n' \
          $((SECONDS - t0)) "$c" "$LOGS/$c.log"
        retried[$c]=1
        start_component "$c"; since[$c]=$SECONDS
        next+=("$c")
      elif ! pid=$(pid_of "$c") && exited "$c"; then
        printf '  [%4ss] %-16s FAILED: the process exited. Last lines of %s:\n' \
          $((SECONDS - t0)) "$c" "$LOGS/$c.log" >&2
        tail -n 25 "$LOGS/$c.log" | sed 's/^/      /' >&2
        cmd_stop; exit 1
      elif [ $((SECONDS - since[$c])) -gt "$START_TIMEOUT" ]; then
        printf '  [%4ss] %-16s FAILED: not ready after %ss; see %s\n' \
          $((SECONDS - t0)) "$c" "$START_TIMEOUT" "$LOGS/$c.log" >&2
        cmd_stop; exit 1
      else
        next+=("$c")
      fi
    done
    started=("${next[@]}")
    if [ $((SECONDS - last_report)) -ge 10 ] && [ ${#started[@]} -gt 0 ]; then
      last_report=$SECONDS
      printf '  [%4ss] waiting for: %s\n' $((SECONDS - t0)) "${started[*]}"
    fi
    [ ${#pending[@]} -gt 0 ] || [ ${#started[@]} -gt 0 ] && sleep 0.5
  done
  trap - INT TERM
  say "Ready in $((SECONDS - t0)) s; $(total_rss) MiB resident in all."
  demo_content
  print_urls
}

rss_of_group() {
  local pgid=$1
  ps -o rss= -g "$pgid" 2>/dev/null | awk '{s += $1} END {printf "%d", s / 1024}'
}

total_rss() {
  local c pid sum=0
  for c in $(all_components); do
    pid=$(pid_of "$c") && sum=$((sum + $(rss_of_group "$pid")))
  done
  echo "$sum"
}

# Stop the named components (all that run started, when none is named): TERM to each process
# group that is still ours, then wait until every process of the group has ended (Keycloak's
# script ends before its JVM does), KILL to what is left $STOP_TIMEOUT s later.
cmd_stop() {
  load_apps
  local names=("$@") name pid stopped=0 deadline groups=() g
  [ -d "$PIDS" ] || { say "Nothing to stop."; return 0; }
  if [ ${#names[@]} -eq 0 ]; then
    mapfile -t names < <(find "$PIDS" -name '*.pid' -printf '%f\n' | sed 's/\.pid$//')
  fi
  for name in "${names[@]}"; do
    if pid=$(pid_of "$name"); then
      groups+=("$pid")
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
      stopped=$((stopped + 1))
    fi
  done
  deadline=$((SECONDS + STOP_TIMEOUT))
  for g in "${groups[@]}"; do
    while kill -0 -- "-$g" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    if kill -0 -- "-$g" 2>/dev/null; then
      say "  process group $g did not stop within $STOP_TIMEOUT s: killing it"
      kill -KILL -- "-$g" 2>/dev/null
      # a killed process is gone only once the kernel has reaped it
      local killed=$((SECONDS + 10))
      while kill -0 -- "-$g" 2>/dev/null && [ $SECONDS -lt $killed ]; do sleep 0.2; done
    fi
  done
  for name in "${names[@]}"; do rm -f "$PIDS/$name.pid"; done
  # everything stopped: the next run starts as many instances as it is told
  [ -n "$(find "$PIDS" -name '*.pid' -print -quit)" ] || rm -f "$PIDS/replicas" "$PIDS/kafka-brokers"
  say "Stopped $stopped component(s)."
}

# Restart one component of a running suite (e.g. to pick up a rebuilt service) and wait for it. It rebuilds first
# when a source is newer than the jars; BAWABA_NO_BUILD=1 restarts on the jars there are (the fault suite brings a
# crashed instance back as the build that crashed, whatever is being edited meanwhile).
cmd_restart() {
  local name=${1:-} t0=$SECONDS pid
  [ -n "$name" ] || die "usage: ./bawaba restart <component>"
  use_jdk
  load_apps
  grep -qxF "$name" <<< "$(all_components)" || die "no component named $name: $(all_components | tr '\n' ' ')"
  [ -n "${BAWABA_NO_BUILD:-}" ] || build_if_needed
  cmd_stop "$name"
  start_component "$name"
  while ! is_ready "$name"; do
    # exited, not only pid_of: a starting component's pid can briefly fail the ownership check (see exited)
    if ! pid_of "$name" > /dev/null && exited "$name"; then
      tail -n 25 "$LOGS/$name.log" >&2; die "$name exited while starting"
    fi
    [ $((SECONDS - t0)) -le "$START_TIMEOUT" ] || die "$name not ready after ${START_TIMEOUT}s: see $LOGS/$name.log"
    sleep 0.5
  done
  say "$name ready again in $((SECONDS - t0)) s."
}

cmd_status() {
  load_apps
  local c pid state rss total=0 up=0 n=0
  printf '%-16s %-8s %-9s %8s\n' COMPONENT STATE PID 'RSS MiB'
  for c in $(all_components); do
    n=$((n + 1))
    if pid=$(pid_of "$c"); then
      rss=$(rss_of_group "$pid"); total=$((total + rss))
      if is_ready "$c"; then state=ready; up=$((up + 1)); else state=starting; fi
    else
      pid=-; rss=-; state=stopped
    fi
    printf '%-16s %-8s %-9s %8s\n' "$c" "$state" "$pid" "$rss"
  done
  printf '%-16s %-8s %-9s %8s\n' total "$up/$n" '' "$total"
  [ "$up" -eq "$n" ]
}

# The demo staff's and admins' authenticator (local realm only, see auth/README.md): the TOTP secret of
# each is "bawaba-demo-totp-<username>"; the realm asks them for a code at every sign-in.
DEMO_SECOND_FACTOR="moi-staff moi-admin mme-staff mme-admin platform-admin"

# The current one-time code of a demo staff user (RFC 6238: HMAC-SHA1, 6 digits, 30 s), computed by
# deploy/local/Totp.java with the JDK.
cmd_otp() {
  local user=${1:-}
  [[ " $DEMO_SECOND_FACTOR " == *" $user "* ]] || die "usage: ./bawaba otp <user>; demo users with a second factor: $DEMO_SECOND_FACTOR"
  use_jdk
  java "$ROOT/deploy/local/Totp.java" "bawaba-demo-totp-$user"
}

# A demo user's access token from the local realm (password grant of the local-only CLI client), with a
# one-time code for staff and admins. A code is accepted once: when the last one was just used, the next
# 30-second window's is waited for.
cmd_token() {
  local user=${1:-citizen1} password=${2:-demo} body attempt otp=()
  for attempt in 1 2; do
    if [[ " $DEMO_SECOND_FACTOR " == *" $user "* ]]; then otp=(--data-urlencode "totp=$(cmd_otp "$user")"); fi
    body=$(curl -sS --max-time 10 \
      -d client_id=bawaba-cli -d grant_type=password -d scope=openid \
      --data-urlencode "username=$user" --data-urlencode "password=$password" "${otp[@]}" \
      "http://localhost:$KEYCLOAK_PORT/realms/bawaba/protocol/openid-connect/token") ||
      die "Keycloak is not answering on port $KEYCLOAK_PORT: ./bawaba run first"
    case "$body" in
      *'"access_token"'*) printf '%s\n' "$body" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; return 0 ;;
    esac
    [ ${#otp[@]} -gt 0 ] && [ $attempt = 1 ] || break
    sleep $((30 - $(date +%s) % 30 + 1))
  done
  die "no token for $user: $body"
}

# One secret of this installation, for a person who must copy it (e.g. the Keycloak admin's password);
# without a name, the names.
cmd_secret() {
  local name=${1:-}
  [ -f "$SECRETS" ] || die "no secrets yet: ./bawaba run makes them"
  if [ -z "$name" ]; then cut -d= -f1 "$SECRETS"; return 0; fi
  grep -q "^$name=" "$SECRETS" || die "no secret named $name: $(cut -d= -f1 "$SECRETS" | tr '\n' ' ')"
  sed -n "s/^$name=//p" "$SECRETS"
}

cmd_logs() {
  local name=${1:-}
  [ -n "$name" ] || { ls "$LOGS" 2>/dev/null; return 0; }
  [ -f "$LOGS/$name.log" ] || die "no log for $name in $LOGS"
  tail -n "${2:-100}" -f "$LOGS/$name.log"
}
