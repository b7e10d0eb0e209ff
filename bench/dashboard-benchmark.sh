#!/usr/bin/env bash
# Dashboard pages under load (issue 5): wrk runs 32 connections for 60 s against each of the overview, acquisition,
# retention and revenue pages of the benchmark tenant of bench/metrics-benchmark.sh (same generated files, imported
# the same way), signed in as three Keycloak users in turn, twice: as 32 users who each ask for the next page
# 100–160 ms after the last one arrived (about 220 requests/s), then without any pause (the most the machine serves).
# Prints p50/p95/p99 and requests/s per page and load. Target: p95 ≤ 50 ms at ≥ 200 requests/s. Installs Debian's wrk
# if missing.
#   bench/dashboard-benchmark.sh [customers] [seconds]
# The database is kept in target/bench-postgres: a rerun finds the tenant imported and skips the import.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
./mvnw -B -q verify -DskipITs -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.customers="${1:-100000}" -Dbench.seconds="${2:-60}" \
  -Dmerchant-metrics.embedded-postgres.data-directory="$PWD/target/bench-postgres" 2>&1 \
  | grep -E "^(setup|page |\[ERROR\])"
