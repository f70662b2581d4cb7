#!/usr/bin/env bash
# The Secrets of one Bawaba installation on Kubernetes, made once with random values, as ./bawaba run makes
# .bawaba/secrets.env for the local run: none has a default. A Secret that already exists is kept (never
# rotated here: see docs/OPERATIONS.md); values are never printed but with --print.
#
#   deploy/kubernetes/make-secrets.sh -n bawaba       # create the missing Secrets in namespace bawaba (kubectl)
#   deploy/kubernetes/make-secrets.sh --print         # write them as YAML to stdout instead (e.g. for a vault)
#
# What it makes (the names the manifests read):
#   bawaba-<component>      BAWABA_CLIENT_SECRET (its Keycloak client's secret, also the realm import's
#                           placeholder) and that component's lines of deploy/local/secrets.conf; procurement
#                           also PROCUREMENT_RECEIPT_KEY (Ed25519, openssl), which the local run generates itself
#                           (notifications: SMS_API_KEY is random here; put the SMS provider's key in its place)
#   bawaba-db-<component>   username and password of its PostgreSQL role (CloudNativePG's managed roles)
#   keycloak-bootstrap-admin  the master realm's first admin (KEYCLOAK_ADMIN_PASSWORD of the local run)
#   bawaba-redis            the Redis password
#   bawaba-backup-s3        the backups' object store keys, from BACKUP_ACCESS_KEY_ID and
#                           BACKUP_SECRET_ACCESS_KEY in the environment (skipped when unset)
# With an external secret store, create the same names and keys there (e.g. External Secrets Operator
# ExternalSecret objects) and do not run this.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PRINT=0
NAMESPACE=bawaba
while [ $# -gt 0 ]; do
  case "$1" in
    --print) PRINT=1 ;;
    -n|--namespace) NAMESPACE=$2; shift ;;
    *) echo "usage: $0 [--print] [-n namespace]" >&2; exit 2 ;;
  esac
  shift
done

# new_secret KIND (token, key256) and the list of components come from the local launcher: the same secrets.
# shellcheck source=../local/launcher.sh
. "$ROOT/deploy/local/launcher.sh"

# The cluster's components: every application of services.conf, and the registry (its peers' own client).
components() {
  echo registry
  grep -v '^#' "$ROOT/deploy/local/services.conf" | awk 'NF {print $1}'
}

# The PostgreSQL role (and database) of a component, "-" when it has none.
database_of() {
  grep -v '^#' "$ROOT/deploy/local/services.conf" | awk -v c="$1" '$1 == c {sub(/^bawaba_/, "", $4); print $4}'
}

# "<base64 PKCS#8 Ed25519 private key>:<base64 X.509 public key>": procurement's receipt signing key.
ed25519_pair() {
  local der
  der=$(openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)
  printf '%s:%s' "$der" "$(base64 -d <<< "$der" | openssl pkey -inform DER -pubout -outform DER | base64 -w0)"
}

# emit_secret NAME TYPE KEY=VALUE...: one Secret, printed or created when missing.
emit_secret() {
  local name=$1 type=$2 pair yaml
  shift 2
  yaml=$(printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  labels:\n    app.kubernetes.io/part-of: bawaba\ntype: %s\nstringData:\n' "$name" "$type"
    for pair in "$@"; do printf '  %s: "%s"\n' "${pair%%=*}" "${pair#*=}"; done)
  if [ "$PRINT" = 1 ]; then
    printf -- '---\n%s\n' "$yaml"
  elif kubectl -n "$NAMESPACE" get secret "$name" > /dev/null 2>&1; then
    echo "kept    $name"
  else
    kubectl -n "$NAMESPACE" apply -f - <<< "$yaml" > /dev/null
    echo "created $name"
  fi
}

for component in $(components); do
  values=("BAWABA_CLIENT_SECRET=$(new_secret token)")
  while read -r owner variable kind _; do
    case "$owner" in ''|'#'*) continue ;; esac
    [ "$owner" = "$component" ] && values+=("$variable=$(new_secret "$kind")")
  done < "$ROOT/deploy/local/secrets.conf"
  [ "$component" = procurement ] && values+=("PROCUREMENT_RECEIPT_KEY=$(ed25519_pair)")
  emit_secret "bawaba-$component" Opaque "${values[@]}"
  database=$(database_of "$component")
  if [ -n "$database" ] && [ "$database" != - ]; then
    emit_secret "bawaba-db-$component" kubernetes.io/basic-auth username="$database" password="$(new_secret token)"
  fi
done

admin_password=""
while read -r owner variable kind _; do
  [ "$owner:$variable" = keycloak:KEYCLOAK_ADMIN_PASSWORD ] && admin_password=$(new_secret "$kind")
done < "$ROOT/deploy/local/secrets.conf"
[ -n "$admin_password" ] || { echo "deploy/local/secrets.conf names no KEYCLOAK_ADMIN_PASSWORD" >&2; exit 1; }
emit_secret keycloak-bootstrap-admin kubernetes.io/basic-auth username=admin password="$admin_password"
emit_secret bawaba-db-keycloak kubernetes.io/basic-auth username=keycloak password="$(new_secret token)"
emit_secret bawaba-redis Opaque password="$(new_secret token)"

if [ -n "${BACKUP_ACCESS_KEY_ID:-}" ] && [ -n "${BACKUP_SECRET_ACCESS_KEY:-}" ]; then
  emit_secret bawaba-backup-s3 Opaque ACCESS_KEY_ID="$BACKUP_ACCESS_KEY_ID" ACCESS_SECRET_KEY="$BACKUP_SECRET_ACCESS_KEY"
else
  echo "bawaba-backup-s3 not made: set BACKUP_ACCESS_KEY_ID and BACKUP_SECRET_ACCESS_KEY (the object store's keys) and run again" >&2
fi
