#!/usr/bin/env bash
# Weekly e-mail summaries of 1,000 generated tenants with 2 recipients each, all due at once (target: ≤ 60 s).
# Runs against the same real PostgreSQL, Keycloak and SMTP (GreenMail) as the tests; prints the figures.
#   bench/digest-benchmark.sh [tenants]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q verify -DskipITs -Dtest=DigestBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.tenants="${1:-1000}" 2>&1 | grep -E "^(setup|digests)"
