#!/usr/bin/env bash
# Peak resident memory and CPU time of one replica (the packaged app, heap as in a 1.5 GiB pod) through start-up, an
# import of an orders file and 80 dashboard pages: the measurements behind k8s/base/deployment.yaml's resources.
#   bench/replica-footprint.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q surefire:test -Dtest=ReplicaFootprintBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.rows="${1:-300000}" 2>&1 | grep -E "^after"
