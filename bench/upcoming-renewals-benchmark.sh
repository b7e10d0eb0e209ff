#!/usr/bin/env bash
# Renewals due in the next 30 days (UpcomingRenewals, used by the portfolio) for one tenant with many subscriptions.
# Runs against the same real PostgreSQL as the tests; prints the figures.
#   bench/upcoming-renewals-benchmark.sh [subscriptions] [calls]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test -Dtest=UpcomingRenewalsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.subscriptions="${1:-20000}" -Dbench.requests="${2:-50}" 2>&1 | grep -E "^upcoming renewals"
