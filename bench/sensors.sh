#!/usr/bin/env bash
# Sensor ingest benchmark (issue #4), everything on this machine:
#  1. the ceiling: the embedded broker (HiveMQ CE) alone delivering to a subscriber that does nothing;
#  2. the packaged platform (embedded PostgreSQL and broker, the demo's 7,182 devices, simulator off) taking the same
#     load over MQTT QoS 1 with rules evaluated and readings stored, from 1,000 and then from 100,000 load devices;
#  3. heap after a full GC with 1,000 and with 100,000 load devices registered and reporting: memory per device.
# Usage: bench/sensors.sh [MESSAGES] [DEVICES]   (defaults 300000 and 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-300000}
DEVICES=${2:-100000}
PORT=8091
MQTT=18831
BASE="http://127.0.0.1:$PORT"
DATA=$(mktemp -d /tmp/cityops-sensors-XXXXXX)
./mvnw -q -B -DskipTests package
./mvnw -q -B -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$DATA/cp.txt" >/dev/null
CP="target/test-classes:target/classes:$(cat "$DATA/cp.txt")"
load() { java -Xmx1g -cp "$CP" org.cityops.sensors.SensorLoad "$@"; }
heap() { # heap in use after a full GC, in KB
  jcmd "$APP" GC.run >/dev/null
  jcmd "$APP" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub(/K,?/, "", v); print v; exit } }'
}

load ceiling "$MESSAGES" 1000           # what the platform subscribes to on its embedded broker
load ceiling 30000 1000 shared         # a shared subscription, as with an external broker and several instances

java -Xmx2g -jar target/cityops-*.jar --cityops.data-dir="$DATA" --server.port=$PORT --server.address=127.0.0.1 \
  --cityops.sensors.mqtt.port=$MQTT --cityops.sensors.demo-simulator=false --cityops.hotline.demo-orders=false \
  --logging.level.org.cityops=WARN > "$DATA/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done

load register "$BASE" 1000
load ingest "$BASE" $MQTT 50000 1000          # warm-up
load ingest "$BASE" $MQTT "$MESSAGES" 1000
SMALL=$(heap)
load register "$BASE" "$DEVICES"
load ingest "$BASE" $MQTT "$MESSAGES" "$DEVICES"
LARGE=$(heap)
echo "heap after full GC: $SMALL KB with 1,000 load devices, $LARGE KB with $DEVICES" \
  | awk -v s="$SMALL" -v l="$LARGE" -v n="$DEVICES" '{ print; printf "memory per registered device: %.0f bytes\n", (l - s) * 1024 / (n - 1000) }'
ps -o rss= -p $APP | awk '{printf "platform RSS after the run: %.0f MB\n", $1/1024}'
