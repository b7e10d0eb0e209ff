#!/usr/bin/env bash
# Imports one orders file of a million rows through the uploads API into an empty tenant (COPY, checks, upsert,
# rollup refresh), then the same rows again, and compares with psql's \copy of the file into a plain table.
# Also prints the same file through psql into a staging table, then into a keyed table: the floor of a staged import.
# Runs against the same real PostgreSQL and Keycloak as the tests, in a JVM (app and test) limited to the heap given.
#   bench/import-benchmark.sh [rows] [max-heap]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -DskipITs -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rows="${1:-1000000}" \
  -DargLine="-Xmx${2:-256m}" 2>&1 | grep -E "^(file|first import|same rows|psql|orders in)|Upload #[0-9]+ of bench|Rollup of bench"
