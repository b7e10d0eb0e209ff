#!/usr/bin/env bash
# Metrics at scale (issue 4): the generator's subscription shop with 100,000 customers, 1,000,000 orders, 100,000
# subscriptions over three years, 2,000 leads a month, daily traffic and spend, imported through the uploads API.
# Prints the full rollup rebuild, the incremental refresh after one more day (the median of three such files per
# dataset, after the rebuilt tables are vacuumed and analyzed), the metrics API's p50/p95 for twelve
# months (unfiltered, by segment, and by segment and channel in the trailing-12-months view; the first request of
# each is the uncached one), and DuckDB computing the same MRR, movements and cohorts from the same CSVs (checked equal to the app's).
# Also prints how long writing the rollup's rows alone takes (copied into tables with the same indexes, rolled back).
# Targets: incremental refresh ≤ 1 s, API p95 ≤ 50 ms, full rebuild ≤ 3 × DuckDB.
# Runs against the same real PostgreSQL and Keycloak as the tests; the generated CSVs stay in target/bench-data.
#   bench/metrics-benchmark.sh [customers] [api-requests]
# The database is kept in target/bench-postgres: a rerun finds the tenant imported and skips the import; it first
# removes the rows earlier runs added as one more day (and rebuilds), so every run measures one more day on the same data.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -DskipITs -Dtest=MetricsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.customers="${1:-100000}" -Dbench.requests="${2:-300}" \
  -Dmerchant-metrics.embedded-postgres.data-directory="$PWD/target/bench-postgres" 2>&1 \
  | grep -E "^(setup|full rebuild|incremental|metrics API|DuckDB|\[ERROR\]|Expecting|expected)"
