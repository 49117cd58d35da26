#!/usr/bin/env bash
# Builds the platform and starts it with PostgreSQL and Keycloak: ./run.sh [--help]
# Everything it fetches stays in ~/.m2 and .run/, so the second run is faster and keeps its data.
# SMGW_SKIP_BUILD=1 ./run.sh starts what was built last time without building.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null || ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
  echo "run.sh: Java 17 or newer is needed on the PATH" >&2
  exit 1
fi

# The clustered mode (--nodes N) puts HAProxy in front of the Payara instances: Debian's package, installed here if missing.
if [[ " $* " == *" --nodes "* ]] && [[ ! -x /usr/sbin/haproxy ]]; then
  echo "Installing HAProxy for the clustered mode (apt-get install haproxy) ..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -q haproxy >/dev/null
fi

if [[ "${SMGW_SKIP_BUILD:-}" != "1" ]]; then
  echo "Building (mvn -DskipTests install) ..."
  mvn -q -DskipTests install
fi

exec java -jar devstack/target/devstack-launcher.jar "$@"
