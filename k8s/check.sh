#!/usr/bin/env bash
# Checks the Kubernetes manifests without a cluster:
#   1. yamllint is clean on every YAML file of k8s/ and docker/ (rules in k8s/.yamllint);
#   2. `kubectl kustomize` renders both overlays;
#   3. every rendered object passes the Kubernetes API schema of its kind (k8s/schema-check/validate.mjs).
# Run it from anywhere: bash k8s/check.sh. Missing tools are installed from Debian (kubernetes-client, yamllint,
# nodejs, npm) when running as root, as CI does; otherwise it names what to install.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v kubectl >/dev/null || missing+=(kubernetes-client)
command -v yamllint >/dev/null || missing+=(yamllint)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "k8s/check.sh needs: ${missing[*]} (Debian packages): sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} from Debian"
  apt-get update -qq || { echo "apt-get update failed: cannot install ${missing[*]}" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "apt-get install ${missing[*]} failed" >&2; exit 1; }
fi

echo "== yamllint"
yamllint --strict -c .yamllint . ../docker

if [ ! -d schema-check/node_modules ]; then
  echo "== installing the schema checker (npm ci)"
  (cd schema-check && npm ci --no-audit --no-fund --loglevel=error)
fi

for overlay in dev prod; do
  echo "== kubectl kustomize overlays/$overlay"
  rendered="$(mktemp)"
  # The kustomization syntax is the one Debian's kubectl 1.20 understands; newer kubectl warns it is deprecated.
  kubectl kustomize "overlays/$overlay" 2> >(grep -v "is deprecated" >&2) > "$rendered"
  echo "== schema check overlays/$overlay"
  node schema-check/validate.mjs "$overlay" < "$rendered"
  rm -f "$rendered"
done
echo "Manifests OK: both overlays render and validate, yamllint clean"
