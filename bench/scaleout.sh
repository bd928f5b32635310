#!/usr/bin/env bash
# Popcorn behind HAProxy on PostgreSQL, with one and with two servers (docs/operations.md, "Several servers").
# Needs a built jar and plugins (./mvnw -B package -DskipTests), PostgreSQL's server binaries, haproxy and wrk
# (Debian: apt-get install -y postgresql haproxy wrk).
#   bench/scaleout.sh [connections=64] [seconds=15]
# Starts a throw-away PostgreSQL cluster (temp dir, loopback, a free port; as the postgres user when run as root),
# one server behind tools/haproxy/popcorn.cfg, then a second one on the same database, and with each set-up runs
# through the balancer: the no-op GET /api/ping (the ceiling through the same balancer), ballots (256 members
# changing ballots in one open round) and RSVPs (members RSVPing and changing their party in one 50-seat meetup).
# Appends the figures to bench/RESULTS.md. Both servers and wrk share this machine's cores: on 2 cores a second
# server adds no CPU, so the figures show the cost of sharing the database, not the gain of a second machine.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${1:-64}
SECONDS_PER_SCENARIO=${2:-15}
JAR=server/target/popcorn.jar
[ -f "$JAR" ] && [ -f plugins/booths.jar ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
for tool in wrk haproxy; do command -v $tool > /dev/null || { echo "$tool is missing: apt-get install -y $tool" >&2; exit 1; }; done
PGBIN=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb | tail -1)")
WORK=$(mktemp -d /tmp/popcorn-scaleout.XXXXXX)
chmod 755 "$WORK"
AS_PG=""
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; AS_PG="runuser -u postgres --"; fi
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PGPORT=$(free_port)
DB_PASSWORD=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
ADMIN_PW=$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
OUT=$(mktemp)
SERVERS=""
LB=""
cleanup() {
  if [ -n "$LB$SERVERS" ]; then
    kill $LB $SERVERS 2>/dev/null || true
    wait $LB $SERVERS 2>/dev/null || true
  fi
  $AS_PG "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast stop > /dev/null 2>&1 || true
  echo "logs kept in $WORK"
}
trap cleanup EXIT
$AS_PG "$PGBIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 > "$WORK/initdb.log"
$AS_PG "$PGBIN/pg_ctl" -D "$WORK/pg" -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c max_connections=200" \
  -l "$WORK/pg.log" -w start > /dev/null
psql -h 127.0.0.1 -p "$PGPORT" -U postgres -q -c "create role popcorn login password '$DB_PASSWORD'" -c "create database popcorn owner popcorn"

server() { # port name
  mkdir -p "$WORK/data-$2"
  POPCORN_DB_URL="jdbc:postgresql://127.0.0.1:$PGPORT/popcorn" POPCORN_DB_USER=popcorn POPCORN_DB_PASSWORD=$DB_PASSWORD \
  POPCORN_DATA_DIR="$WORK/data-$2" POPCORN_ADMIN_HANDLE=bench-admin POPCORN_ADMIN_EMAIL=bench-admin@example.org \
  POPCORN_ADMIN_PASSWORD=$ADMIN_PW POPCORN_AUTH_PBKDF2_ITERATIONS=1024 POPCORN_AUTH_MAX_FAILURES_PER_ADDRESS=100000 \
  POPCORN_PLUGINS_DIR="$PWD/plugins" java -jar "$JAR" --port "$1" --nocluster > "$WORK/server-$2.log" 2>&1 &
  SERVERS="$SERVERS $!"
  for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$1/health/ready" > /dev/null && return 0; sleep 1; done
  echo "server $2 did not start; see $WORK/server-$2.log" >&2; exit 1
}
balancer() { # backendA backendB
  if [ -n "$LB" ]; then kill "$LB" 2>/dev/null || true; wait "$LB" 2>/dev/null || true; fi # a bare 'wait' would wait for the servers
  POPCORN_LB_BIND=127.0.0.1:$LBPORT POPCORN_A=$1 POPCORN_B=$2 haproxy -db -f tools/haproxy/popcorn.cfg > "$WORK/haproxy.log" 2>&1 &
  LB=$!
  for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:$LBPORT/api/ping" > /dev/null && { sleep 3; return 0; }; sleep 1; done
  echo "haproxy did not start; see $WORK/haproxy.log" >&2; exit 1
}
scenario() { # name script [path]
  BENCH_NAME=$1 BENCH_DIR=$WORK/wrk BENCH_PATH=${3:-} wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_SCENARIO}s" --timeout 10s \
    -s "bench/wrk/$2" "http://127.0.0.1:$LBPORT/" | grep -E '^\S+.* requests=' | tee -a "$OUT"
}
measure() {
  scenario "ping(warm-up)" get.lua /api/ping > /dev/null
  scenario "ping(ceiling)" get.lua /api/ping
  scenario "ballots(256 members)" ballot.lua
  scenario "rsvp(50 seats)" rsvp.lua
  scenario "ping(ceiling)" get.lua /api/ping
}

PORT_A=$(free_port); PORT_B=$(free_port); LBPORT=$(free_port)
server "$PORT_A" a
balancer "127.0.0.1:$PORT_A" "127.0.0.1:$PORT_A"
java bench/VoteBench.java "http://127.0.0.1:$LBPORT/" wrk-setup "$ADMIN_PW" 256 "$WORK/wrk" | tee -a "$OUT"
echo "== one server behind haproxy, PostgreSQL" | tee -a "$OUT"
measure
server "$PORT_B" b
balancer "127.0.0.1:$PORT_A" "127.0.0.1:$PORT_B"
echo "== two servers behind haproxy, one PostgreSQL" | tee -a "$OUT"
measure
{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) — scale-out: $CONNECTIONS connections, ${SECONDS_PER_SCENARIO}s per scenario (wrk -t2 through haproxy)"
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB;"\
       "$(java -version 2>&1 | head -1); $("$PGBIN/postgres" --version); $(haproxy -v | head -1 | cut -d' ' -f1-3);"\
       "wrk, haproxy, the servers and PostgreSQL on the same machine."
  echo '```'
  cat "$OUT"
  echo '```'
} >> bench/RESULTS.md
rm -f "$OUT"
echo "appended to bench/RESULTS.md"
