#!/usr/bin/env bash
# Imports one orders file of a million rows through the uploads API (COPY, upsert, rollup refresh) and prints rows/s.
# Runs against the same real PostgreSQL and Keycloak as the tests.
#   bench/import-benchmark.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -DskipITs -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rows="${1:-1000000}" 2>&1 \
  | grep -E "^(file|first import|same rows|psql)"
