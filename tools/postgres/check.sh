#!/usr/bin/env bash
# Runs Popcorn on PostgreSQL with two servers sharing the database, and checks that capacity holds across them.
# Needs a built jar (./mvnw -B package -DskipTests) and PostgreSQL's server binaries (initdb, pg_ctl; Debian:
# apt-get install -y postgresql). Starts a throw-away cluster in a temp dir on port 55432 (as user postgres when run
# as root), two servers on 18301/18302 (the first loads the demo), runs TwoInstances.java, and tears all down.
#   tools/postgres/check.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=server/target/popcorn.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
PGBIN=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
WORK=$(mktemp -d /tmp/popcorn-pg.XXXXXX)
chmod 755 "$WORK"
RUN=""
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; RUN="runuser -u postgres --"; fi
PGPORT=55432
DB_PASSWORD=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
ADMIN_PW=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
$RUN "$PGBIN/initdb" -D "$WORK/pg" -U postgres -A trust > "$WORK/initdb.log"
$RUN "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1" -l "$WORK/pg.log" -w start > /dev/null
cleanup() {
  kill ${SERVERS:-} 2>/dev/null || true
  wait ${SERVERS:-} 2>/dev/null || true
  $RUN "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop > /dev/null || true
  echo "logs kept in $WORK"
}
trap cleanup EXIT
psql -h 127.0.0.1 -p $PGPORT -U postgres -q -c "create role popcorn login password '$DB_PASSWORD'" -c "create database popcorn owner popcorn"

SERVERS=""
start() { # port demo
  mkdir -p "$WORK/data-$1"
  POPCORN_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/popcorn" POPCORN_DB_USER=popcorn POPCORN_DB_PASSWORD=$DB_PASSWORD \
  POPCORN_DATA_DIR="$WORK/data-$1" POPCORN_DEMO=$2 POPCORN_ADMIN_HANDLE=pg-admin POPCORN_ADMIN_EMAIL=pg-admin@example.org \
  POPCORN_ADMIN_PASSWORD=$ADMIN_PW POPCORN_AUTH_PBKDF2_ITERATIONS=1024 POPCORN_AUTH_MAX_FAILURES_PER_ADDRESS=100000 \
    java -jar "$JAR" --port "$1" --nocluster > "$WORK/server-$1.log" 2>&1 &
  SERVERS="$SERVERS $!"
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$1/health/ready" > /dev/null && return 0; sleep 1; done
  echo "server on $1 did not start; see $WORK/server-$1.log" >&2; exit 1
}
start 18301 true
start 18302 false
demo=$(curl -s "http://127.0.0.1:18301/api/plugins/meetups/meetups?size=1" | sed 's/.*"total":\([0-9]*\).*/\1/')
echo "demo meetups on PostgreSQL: $demo"
java tools/postgres/TwoInstances.java "http://127.0.0.1:18301/" "http://127.0.0.1:18302/" "$ADMIN_PW"
