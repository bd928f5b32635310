#!/usr/bin/env bash
# Popcorn benchmarks. Needs a built jar (and ./plugins/meetups.jar): ./mvnw -B package -DskipTests
#   bench/run.sh [votes|rsvp|charity|all] [clients=64] [seconds=20] [ballots=1000000, or for rsvp: bursts=5]
#   bench/run.sh charity [volunteers=1000]
#   bench/run.sh wrk [connections=64] [seconds=15]
# "all" (the default) runs wrk, votes and rsvp.
# wrk (Debian's package; apt-get install -y wrk): the load generator that is not the bottleneck. Each scenario
#   (bench/wrk/*.lua) runs for <seconds> with <connections> connections, between no-op GET /api/ping runs that give
#   the ceiling: ballots (members changing ballots in one open round; a first run warms their path up, and the
#   ballots per commit of the group commit are read from /metrics after it), city search, the meetups list, /openapi,
#   and counts from the demo booths' phone page.
# Measures, against a real server on this machine:
#   1. ballots/s and p50/p99 with <clients> concurrent clients casting and changing ballots, and in the same run the
#      no-op GET /api/ping with the same clients (the ceiling of this server here);
#   2. results-read latency with <ballots> ballots in the database, beside GET /api/ping.
# Appends the figures and the machine to bench/RESULTS.md.
# rsvp: bursts of 500 simultaneous RSVPs for a meetup's last 50 seats (latency p50/p99; each burst checked for exactly
#   50 going and 450 waiting), then <clients> members RSVPing and cancelling in one meetup, beside the no-op ping.
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT=all
case "${1:-}" in votes|rsvp|charity|wrk|all) WHAT=$1; shift ;; esac
CLIENTS=${1:-64}
SECONDS_PER_PHASE=${2:-20}
BALLOTS=${3:-1000000}
BURSTS=${3:-5}
JAR=server/target/popcorn.jar
[ -f "$JAR" ] || { echo "build first: ./mvnw -B package -DskipTests" >&2; exit 1; }
H2=$(ls ~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar)
DATA=$(mktemp -d /tmp/popcorn-bench.XXXXXX)
PORT=18181
URL="http://127.0.0.1:$PORT/"
ADMIN_PW=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
OUT=$(mktemp)

start() {
  POPCORN_DATA_DIR=$DATA POPCORN_ADMIN_HANDLE=bench-admin POPCORN_ADMIN_EMAIL=bench-admin@example.org \
  POPCORN_ADMIN_PASSWORD=$ADMIN_PW POPCORN_AUTH_PBKDF2_ITERATIONS=1024 POPCORN_AUTH_MAX_FAILURES_PER_ADDRESS=100000 \
    java -jar "$JAR" --port $PORT --nocluster > "$DATA/server-$1.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 180); do curl -sf "${URL}health/ready" > /dev/null && return 0; sleep 1; done
  echo "server did not start; see $DATA/server-$1.log" >&2; exit 1
}
stop() {
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  grep -h -A4 "event=request.failed" "$DATA"/server-*.log >> bench/last-errors.log 2>/dev/null || true
}
trap 'kill "${SERVER:-}" 2>/dev/null || true' EXIT # a failed phase must not leave its server holding the port
: > bench/last-errors.log

if [ "$WHAT" = charity ]; then
  [ -f plugins/charity.jar ] || { echo "the charity plugin is missing: ./mvnw -B package -DskipTests" >&2; exit 1; }
  VOLUNTEERS=${1:-1000}
  echo "== charity: $VOLUNTEERS volunteers signing up at once for 20 shifts, beside the same burst of pings"
  start 3
  java bench/VoteBench.java "$URL" charity "$ADMIN_PW" "$VOLUNTEERS" | tee -a "$OUT"
  stop
  rm -rf "${DATA:?}"/*
fi
if [ "$WHAT" = wrk ] || [ "$WHAT" = all ]; then
  command -v wrk > /dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
  [ -f plugins/booths.jar ] || { echo "the booths plugin is missing: ./mvnw -B package -DskipTests" >&2; exit 1; }
  WRK_SECONDS=$SECONDS_PER_PHASE
  echo "== wrk: $CLIENTS connections, ${WRK_SECONDS}s per scenario"
  start 4
  java bench/VoteBench.java "$URL" wrk-setup "$ADMIN_PW" 256 "$DATA/wrk" | tee -a "$OUT"
  scenario() { # name script [path]
    BENCH_NAME=$1 BENCH_DIR=$DATA/wrk BENCH_PATH=${3:-} wrk -t2 -c"$CLIENTS" -d"${WRK_SECONDS}s" --timeout 10s -s "bench/wrk/$2" "$URL" \
      | grep -E '^\S+.* requests=' | tee -a "$OUT"
  }
  scenario "ping(warm-up: the JIT still compiling)" get.lua /api/ping
  scenario "ping(ceiling)" get.lua /api/ping
  scenario "ballots(warm-up: the JIT still compiling)" ballot.lua
  scenario "ballots(256 members)" ballot.lua
  curl -s "${URL}metrics" | grep -E '^popcorn_ballot_batch(ed|es)_total' | awk '{print $1 "=" $2}' | tr '\n' ' ' | sed 's/{mp_scope="application"}//g; s/$/\n/' | tee -a "$OUT"
  scenario "ping(ceiling)" get.lua /api/ping
  scenario "city-search(q=bei)" get.lua "/api/cities?q=bei"
  scenario "meetups-list" get.lua /api/plugins/meetups/meetups
  scenario "openapi" get.lua /openapi
  scenario "booth-counts(50 volunteers)" tally.lua
  scenario "ping(ceiling)" get.lua /api/ping
  stop
  rm -rf "${DATA:?}"/*
fi
if [ "$WHAT" = rsvp ] || [ "$WHAT" = all ]; then
  [ -f plugins/meetups.jar ] || { echo "the meetups plugin is missing: ./mvnw -B package -DskipTests" >&2; exit 1; }
  echo "== rsvp: $BURSTS bursts of 500 for 50 seats, then $CLIENTS clients for ${SECONDS_PER_PHASE}s"
  start 0
  java bench/VoteBench.java "$URL" rsvp "$CLIENTS" "$SECONDS_PER_PHASE" "$ADMIN_PW" "$BURSTS" | tee -a "$OUT"
  stop
  rm -rf "${DATA:?}"/*
fi
if [ "$WHAT" = votes ] || [ "$WHAT" = all ]; then
  echo "== ballots: $CLIENTS clients, ${SECONDS_PER_PHASE}s per phase"
  start 1
  java bench/VoteBench.java "$URL" ballots "$CLIENTS" "$SECONDS_PER_PHASE" "$ADMIN_PW" | tee -a "$OUT"
  stop
  echo "== seeding $BALLOTS ballots"
  ROUND=$(java -cp "$H2" bench/SeedBallots.java "$DATA" "$BALLOTS")
  start 2
  echo "== results read with $BALLOTS ballots in round $ROUND"
  java bench/VoteBench.java "$URL" results "$ROUND" 300 | tee -a "$OUT"
  stop
fi

{
  echo
  echo "## $(date -u +%Y-%m-%dT%H:%MZ) — $WHAT: $CLIENTS clients, ${SECONDS_PER_PHASE}s phases\
$(case $WHAT in rsvp) echo ", $BURSTS RSVP bursts" ;; charity) echo ", ${VOLUNTEERS:-1000} volunteers" ;; wrk) echo " (wrk -t2)" ;; *) echo ", $BALLOTS seeded ballots" ;; esac)"
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB;"\
       "$(java -version 2>&1 | head -1); H2 file database (WRITE_DELAY=0); client and server on the same machine."
  echo '```'
  cat "$OUT"
  echo '```'
} >> bench/RESULTS.md
rm -rf "$DATA" "$OUT"
echo "appended to bench/RESULTS.md"
