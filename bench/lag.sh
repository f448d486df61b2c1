#!/usr/bin/env bash
# Read-model lag benchmark (issue #6): starts CityOps from the jar (embedded PostgreSQL with fsync on, demo territory,
# no generated history, a fresh data directory) on 127.0.0.1:8093, sends cases through POST /api/v1/cases at a fixed
# rate with IntakeLoad, and reads the platform's own timer cityops.dashboard.lag (a case event's time → its effect
# applied in dash_case) and the KPI cube's refresh timer from /actuator/prometheus every 10 s while it runs.
# Usage: bench/lag.sh [SECONDS (60)] [CASES_PER_SECOND (500)]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_=${1:-60}
RATE=${2:-500}
PORT=8093
DATA=$(mktemp -d /tmp/cityops-lag-XXXXXX)
./mvnw -q -B -DskipTests package
java -Xmx2g -jar target/cityops-*.jar --cityops.data-dir="$DATA" --server.port=$PORT --server.address=127.0.0.1 \
  --cityops.dashboard.demo-history-days=0 --cityops.sensors.demo-simulator=false \
  --logging.level.org.cityops=WARN > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
metrics() {
  curl -s "http://127.0.0.1:$PORT/actuator/prometheus" \
    | grep -E '^cityops_dashboard_(lag_seconds|lag_seconds_max|lag_seconds_count|cube_refresh_seconds_(count|sum|max)|cube_days_total)' \
    | tr '\n' ' '
  echo
}
run() { ./mvnw -q -B -Pbench exec:exec -Dexec.args="-classpath %classpath org.cityops.cases.IntakeLoad http://127.0.0.1:$PORT $*"; }
run rate 10 200            # warm-up
sleep 5
echo "after warm-up: $(metrics)"
( for i in $(seq 1 $((SECONDS_ / 10))); do sleep 10; echo "t+$((i * 10))s: $(metrics)"; done ) &
WATCH=$!
run rate "$SECONDS_" "$RATE"
wait $WATCH || true
sleep 2
echo "end: $(metrics)"
echo "cases counted by the KPIs (all time): $(curl -s -u admin:cityops-demo "http://127.0.0.1:$PORT/api/v1/dashboard/kpis?from=2000-01-01&to=2100-01-01" | grep -o '"reported":[0-9]*' | head -1)"
