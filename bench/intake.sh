#!/usr/bin/env bash
# Case intake benchmark: starts CityOps (embedded PostgreSQL, demo data, a fresh data directory) on 127.0.0.1:8090 and
# drives it over HTTP with the IntakeLoad generator. Usage: bench/intake.sh [LIFECYCLE_CASES]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
LIFECYCLE=${1:-100000}
PORT=8090
DATA=$(mktemp -d /tmp/cityops-intake-XXXXXX)
./mvnw -q -B -DskipTests package
java -Xmx2g -jar target/cityops-*.jar --cityops.data-dir="$DATA" --server.port=$PORT --server.address=127.0.0.1 \
  --logging.level.org.cityops=WARN > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
run() { ./mvnw -q -B -Pbench exec:exec -Dexec.args="-classpath %classpath org.cityops.cases.IntakeLoad http://127.0.0.1:$PORT $*"; }
run rate 10 200            # warm-up
run max 30 32
run rate 30 500
run rate 30 1000
run lifecycle "$LIFECYCLE" 32
echo "cases in the database: $(curl -s -u admin:cityops-demo "http://127.0.0.1:$PORT/api/v1/cases?size=1" | grep -o '"total":[0-9]*')"
