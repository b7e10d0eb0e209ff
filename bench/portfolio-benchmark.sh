#!/usr/bin/env bash
# Portfolio page for an account manager with 200 generated client tenants (target: p95 ≤ 300 ms).
# Runs against the same real PostgreSQL and Keycloak as the tests; prints the figures.
#   bench/portfolio-benchmark.sh [clients] [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -DskipITs -Dtest=PortfolioBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.clients="${1:-200}" -Dbench.requests="${2:-100}" 2>&1 | grep -E "^(setup|portfolio page)" 
