#!/usr/bin/env bash
# The HTTP load run of docs/performance.md, against the packaged service, on 127.0.0.1 only.
#   src/test/resources/bench/load-run.sh H2_APP_DIR PG_APP_DIR
# H2_APP_DIR: target/quarkus-app of the default build (./mvnw package -DskipTests), copied aside;
# PG_APP_DIR: the same of the pg build (./mvnw package -DskipTests -Dquarkus.profile=pg), copied aside.
# Needs wrk (apt-get install wrk), curl, jq, python3, psql and the machine's PostgreSQL on 127.0.0.1:5432
# (user postgres, trust). Part 1 (H2 build): a trivial authenticated JSON endpoint, then POST /api/v1/score,
# at the same connections in the same service process. Part 2 (pg build, fresh database readiness_load):
# submissions of prepared drafts, then the stored rows counted against the 201s wrk saw. Peak RSS (VmHWM)
# of each service process at the end of its part.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
export BENCH_DIR
H2_APP=${1:?H2 app dir}
PG_APP=${2:?pg app dir}
PORT=${PORT:-8393}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-15s}
DURATION=${DURATION:-30s}
SUBMIT_DURATION=${SUBMIT_DURATION:-15s}
DRAFTS=${DRAFTS:-15000}
PG_DB=${PG_DB:-readiness_load}
# Footprint flags (docs/performance.md): a small fixed heap with a young generation large enough that requests in
# flight die young (no full collections under load), the serial collector (2 cores; no G1 remembered
# sets or concurrent threads), bounded metaspace and code cache, smaller thread stacks.
JVM_FLAGS=${JVM_FLAGS:--Xms128m -Xmx128m -Xmn72m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -Xss512k}
# glibc gives each thread that allocates its own malloc arena (up to 8 per core): two are plenty for a JVM.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
WORK=$(mktemp -d /tmp/load-run.XXXXXX)
ADMIN=load-admin
ADMIN_PASSWORD=load-admin-password-1
BASE=http://127.0.0.1:$PORT
export BENCH_THREADS=$THREADS
PID=

log() { echo "== $*"; }
basic() { echo "Basic $(printf '%s' "$1:$2" | base64 -w0)"; }
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; }
trap cleanup EXIT

start() { # app-dir, then environment assignments
  local app=$1; shift
  local t0; t0=$(date +%s%N)
  env "$@" QUARKUS_HTTP_PORT=$PORT READINESS_SEEDS_ENABLED=false READINESS_ADMIN_USERNAME=$ADMIN \
    READINESS_ADMIN_PASSWORD=$ADMIN_PASSWORD READINESS_AUDIT_KEY=load-only-audit-chain-key-0123456789abcdef \
    java $JVM_FLAGS -jar "$app/quarkus-run.jar" >"$WORK/service-$(basename "$app").log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    if curl -sf "$BASE/q/health/ready" 2>/dev/null | grep -q '"UP"'; then
      log "ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms (pid $PID, flags: $JVM_FLAGS)"
      return
    fi
    kill -0 "$PID" 2>/dev/null || { cat "$WORK"/service-*.log; exit 1; }
    sleep 0.1
  done
  echo "not ready after 60 s"; exit 1
}

stop() {
  log "peak RSS: $(grep VmHWM /proc/$PID/status | tr -s ' ')   (now: $(grep VmRSS /proc/$PID/status | tr -s ' '))"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}

run_wrk() { # title, duration, wrk arguments
  local title=$1 duration=$2; shift 2
  log "$title: wrk -t$THREADS -c$CONNECTIONS -d$duration $*"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s --latency "$@"
}

log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"

# Part 1: scoring against a trivial JSON endpoint, H2 build. A first start creates the database and keeps the
# compiled ruleset; the measured process is the second start, as a service restarted on its volume runs.
start "$H2_APP" READINESS_DATA_DIR="$WORK/h2" >/dev/null; kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
start "$H2_APP" READINESS_DATA_DIR="$WORK/h2"
curl -sf -u "$ADMIN:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d '{"username":"load-analyst","password":"load-analyst-password","roles":["analyst"]}' "$BASE/api/v1/users" >/dev/null
export BENCH_AUTHORIZATION; BENCH_AUTHORIZATION=$(basic load-analyst load-analyst-password)
curl -sf -H "Authorization: $BENCH_AUTHORIZATION" -H 'Content-Type: application/json' \
  --data @"$BENCH_DIR/answers.json" "$BASE/api/v1/score" | jq -c '{overall: .overall.band, trace: (.trace | length)}'
run_wrk "warm-up, trivial" "$WARMUP" -s "$BENCH_DIR/auth.lua" "$BASE/api/v1/ruleset" >/dev/null
run_wrk "warm-up, score" "$WARMUP" -s "$BENCH_DIR/score.lua" "$BASE/api/v1/score" >/dev/null
run_wrk "trivial JSON: GET /api/v1/ruleset (authenticated)" "$DURATION" -s "$BENCH_DIR/auth.lua" "$BASE/api/v1/ruleset"
run_wrk "POST /api/v1/score (full assessment, with trace)" "$DURATION" -s "$BENCH_DIR/score.lua" "$BASE/api/v1/score"
run_wrk "for reference: GET /q/health/live (no authentication, no JAX-RS)" "$DURATION" "$BASE/q/health/live"
stop

# Part 2: submissions, pg build, fresh database.
log "load average $(cut -d' ' -f1-3 /proc/loadavg)"
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $PG_DB" -c "CREATE DATABASE $PG_DB" postgres
PG_ENV=(QUARKUS_PROFILE=pg QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB"
  QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres READINESS_DATA_DIR="$WORK/pg")
start "$PG_APP" "${PG_ENV[@]}" >/dev/null; kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
start "$PG_APP" "${PG_ENV[@]}"
python3 "$BENCH_DIR/make-drafts.py" "$BASE" "$ADMIN" "$ADMIN_PASSWORD" S79999999 "$DRAFTS" "$WORK/drafts.txt"
BENCH_AUTHORIZATION=$(basic lead-s79999999 load-run-password)
run_wrk "warm-up, score (pg build)" "$WARMUP" -s "$BENCH_DIR/score.lua" "$BASE/api/v1/score" >/dev/null
# The submit path warms up on a third of the drafts (its own code, Hibernate's flush, the JDBC batches), so that the
# JIT does not compile it during the measured run; the measured run takes the rest. Both are counted below.
split -n l/3 "$WORK/drafts.txt" "$WORK/drafts-part-"
export BENCH_DRAFTS=$WORK/drafts-part-aa
run_wrk "warm-up, submit (pg build)" "$SUBMIT_DURATION" -s "$BENCH_DIR/submit.lua" "$BASE" | tee "$WORK/submit-warm.txt" >/dev/null
cat "$WORK/drafts-part-ab" "$WORK/drafts-part-ac" >"$WORK/drafts-measured.txt"
export BENCH_DRAFTS=$WORK/drafts-measured.txt
run_wrk "POST /api/v1/assessments/{id}/submit (PostgreSQL)" "$SUBMIT_DURATION" -s "$BENCH_DIR/submit.lua" "$BASE" \
  | tee "$WORK/submit.txt"
# Every submission appended to the hash chain under the head lock: it must still verify, unforked.
verified=$(curl -sf -u "$ADMIN:$ADMIN_PASSWORD" "$BASE/api/v1/audit/verify")
log "audit chain: $verified"
stop
created=$(( $(sed -n 's/^submitted (201): \([0-9]*\).*/\1/p' "$WORK/submit.txt") \
  + $(sed -n 's/^submitted (201): \([0-9]*\).*/\1/p' "$WORK/submit-warm.txt") ))
q() { psql -h 127.0.0.1 -U postgres -Atc "$1" "$PG_DB"; }
submitted=$(q "SELECT count(*) FROM assessment WHERE status = 'SUBMITTED'")
results=$(q "SELECT count(*) FROM assessment_result")
log "201 responses: $created; assessments SUBMITTED in the database: $submitted; stored results: $results"
# None lost: every 201 is a stored, submitted assessment. None doubled: one result per submitted assessment.
# wrk stops at its deadline without reading the answers still in flight (at most one per connection); the
# service completes those, so up to CONNECTIONS more rows than 201s per wrk run (two here) are expected, each whole.
if [ "$submitted" = "$results" ] && [ "$submitted" -ge "$created" ] && [ $(( submitted - created )) -le $(( 2 * CONNECTIONS )) ]; then
  log "none lost, none doubled ($(( submitted - created )) submitted while wrk was stopping)"
  [ "$(jq -r .valid <<<"$verified")" = true ] || { log "AUDIT CHAIN BROKEN"; exit 1; }
else
  log "MISMATCH"; exit 1
fi
log "logs and drafts in $WORK"
