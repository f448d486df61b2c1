#!/usr/bin/env bash
# Hotline intake benchmark: starts CityOps (embedded PostgreSQL, demo data, a fresh data directory) on 127.0.0.1:8090,
# then sends orders through the centre's API and through one spreadsheet import. Usage: bench/hotline.sh [ROWS] (5000)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-5000}
PORT=8090
DATA=$(mktemp -d /tmp/cityops-hotline-XXXXXX)
./mvnw -q -B -DskipTests package
java -Xmx2g -jar target/cityops-*.jar --cityops.data-dir="$DATA" --server.port=$PORT --server.address=127.0.0.1 \
  --logging.level.org.cityops=WARN > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
run() { ./mvnw -q -B -Pbench exec:exec -Dexec.args="-classpath %classpath org.cityops.hotline.HotlineLoad http://127.0.0.1:$PORT $*"; }
run api 500 8              # warm-up
run api "$ROWS" 8
run import "$ROWS"
run import "$ROWS"
