#!/usr/bin/env bash
# Start-up of the packaged service, measured as an operator sees it: from launching the JVM to
# GET /q/health/ready answering UP (listening, migrations done, ruleset loaded). Run from the repository root
# (the service reads rules/ and questionnaires/ from the working directory):
#   src/test/resources/bench/startup-run.sh APP_DIR [RUNS]
# APP_DIR: target/quarkus-app of the default (H2) build, copied aside. Each series uses its own data folder:
#   compile:    no compiled-ruleset cache (READINESS_RULES_CACHE_PATH empty): the DRL is compiled at every start;
#   cache:      the cache filled by a first start, so every measured start takes the compiled ruleset from it;
#   cache+cds:  the same plus a dynamic AppCDS archive of the classes a start loads, written by one training
#               start (-XX:ArchiveClassesAtExit) and used with -XX:SharedArchiveFile.
# A last step times POST /api/v1/ruleset/reload of unchanged rules (cache hit) and of a changed copy (compile).
set -euo pipefail
APP=${1:?app dir}
RUNS=${2:-5}
PORT=${PORT:-8395}
JVM_FLAGS=${JVM_FLAGS:--Xms128m -Xmx128m -Xmn72m -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -Xss512k}
WORK=$(mktemp -d /tmp/startup-run.XXXXXX)
ADMIN=startup-admin
ADMIN_PASSWORD=startup-admin-password
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null || true; }
trap cleanup EXIT

# start DATA_DIR EXTRA_JVM_FLAGS [ENV...]: sets READY_MS to the milliseconds to readiness, leaves the service running
start() {
  local data=$1 extra=$2; shift 2
  local t0; t0=$(date +%s%N)
  env "$@" READINESS_DATA_DIR="$data" READINESS_SEEDS_ENABLED=false QUARKUS_HTTP_PORT=$PORT \
    READINESS_ADMIN_USERNAME=$ADMIN READINESS_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java $JVM_FLAGS $extra -jar "$APP/quarkus-run.jar" >"$data.log" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$PORT/q/health/ready" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$PID" 2>/dev/null || { cat "$data.log"; exit 1; }
    sleep 0.02
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=; }

series() { # name data-dir extra-flags env...
  local name=$1 data=$2 extra=$3; shift 3
  local times=()
  for _ in $(seq 1 "$RUNS"); do
    start "$data" "$extra" "$@"
    times+=("$READY_MS")
    grep -o 'Loaded ruleset [0-9a-f]\{12\}.* in [0-9]* ms\|taken compiled' "$data.log" | tr '\n' ' ' >>"$WORK/$name.detail"
    echo >>"$WORK/$name.detail"
    stop
  done
  echo "$name: ready after ${times[*]} ms (load average $(cut -d' ' -f1-3 /proc/loadavg))"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "flags: $JVM_FLAGS"
# The database is created and migrated by a first start of each data folder, not counted.
for d in compile cache cds; do start "$WORK/$d" ""; stop; done
series compile "$WORK/compile" "" READINESS_RULES_CACHE_PATH=
series cache "$WORK/cache" ""
start "$WORK/cds" "-XX:ArchiveClassesAtExit=$WORK/readiness.jsa"; stop
series cache+cds "$WORK/cds" "-XX:SharedArchiveFile=$WORK/readiness.jsa"

# Reload, warm: the same rules (cache hit), then a changed copy (a comment added: new version, compiled).
cp -r rules "$WORK/rules"
start "$WORK/cache" "" READINESS_RULES_PATH="$WORK/rules"
reload() { curl -sf -u "$ADMIN:$ADMIN_PASSWORD" -X POST "http://127.0.0.1:$PORT/api/v1/ruleset/reload" | jq -r '.buildMillis'; }
reload >/dev/null
echo "reload, unchanged rules (cache hit): $(reload) $(reload) $(reload) ms"
changed=()
for i in 1 2 3; do echo "// changed $i" >>"$WORK/rules/scoring/bands.drl"; changed+=("$(reload)"); done
echo "reload, changed rules (compiled, warm JVM): ${changed[*]} ms"
stop
echo "details (ruleset load as logged by each start) in $WORK/*.detail"
