#!/usr/bin/env bash
# Locate benchmark: CityOps' PolygonLocator vs a JTS STRtree vs PostGIS ST_Contains (GiST), same points, same run.
# Starts a throw-away PostgreSQL 15 + PostGIS server from Debian's packages on 127.0.0.1 and removes it afterwards.
#   apt-get install -y postgresql-15-postgis-3     (once; the benchmark only, never the application)
#   bench/locate.sh                                 (extra JMH options may follow, e.g. -wi 1 -i 3)
set -euo pipefail
cd "$(dirname "$0")/.."
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${BENCH_PG_PORT:-55439}
if [ ! -x "$PGBIN/pg_ctl" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
  echo "PostGIS for PostgreSQL 15 is missing: apt-get install -y postgresql-15-postgis-3" >&2
  exit 1
fi
DIR=$(mktemp -d /tmp/cityops-postgis-XXXXXX)
RUNAS=()
if [ "$(id -u)" = 0 ]; then chown postgres "$DIR"; RUNAS=(runuser -u postgres --); fi
"${RUNAS[@]}" "$PGBIN/initdb" -D "$DIR/data" -U postgres -A trust >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DIR -c shared_buffers=1GB -c fsync=off" start >/dev/null
trap '"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null; rm -rf "$DIR"' EXIT
./mvnw -q -B -Pbench -DskipTests test-compile exec:exec \
  -Dexec.args="-classpath %classpath org.openjdk.jmh.Main LocateBenchmark -p postgisUrl=jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres -rf json -rff target/locate-benchmark.json $*"
