#!/usr/bin/env bash
# KPI query benchmark (issue #6): the platform's context with its embedded PostgreSQL in DATA_DIR (kept between runs, so
# the ten million cases are loaded once; delete it to start again), N made-up cases over ten years bulk-loaded into
# dash_case, the cube counted, then every tile timed through the cube and as a plain GROUP BY over dash_case.
# Usage: bench/kpis.sh [CASES (10000000)] [CUBE_REPS (40)] [RAW_REPS (5)]      DATA_DIR: $KPI_BENCH_DIR or /tmp/cityops-kpibench
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${KPI_BENCH_DIR:-/tmp/cityops-kpibench}
./mvnw -q -B -Pbench -DskipTests test-compile exec:exec \
  -Dexec.args="-Xmx2g -classpath %classpath org.cityops.dashboard.KpiBench $DATA $*"
