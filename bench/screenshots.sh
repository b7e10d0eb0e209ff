#!/usr/bin/env bash
# PNG screenshots of every page of the two demo tenants at desktop (1280 px) and phone (390 px) widths, into
# docs/screenshots/. Self-contained: installs Debian's chromium (and pngquant, to keep the files small) when
# missing, starts the app in dev mode on a free port with its embedded PostgreSQL and demo tenants, signs in with
# the dev users' bearer tokens (sent by Chromium with every request), and stops everything it started.
#   bench/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=docs/screenshots
LOG=bench/out/screenshots-dev.log
mkdir -p bench/out "$OUT"

if ! command -v chromium >/dev/null || ! command -v pngquant >/dev/null; then
  echo "Installing chromium and pngquant (apt-get)…"
  SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium pngquant >/dev/null
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
APP_PORT=$(free_port)
DEVTOOLS_PORT=$(free_port)
PROFILE=$(mktemp -d)
APP_PID=""
BROWSER_PID=""
stop() {
  [ -n "$BROWSER_PID" ] && { kill "$BROWSER_PID" 2>/dev/null; wait "$BROWSER_PID" 2>/dev/null; } || true
  # dev mode runs in its own process group (setsid): Maven and the application's JVM stop together
  [ -n "$APP_PID" ] && kill -- "-$APP_PID" 2>/dev/null || true
  # Chromium's helpers may still be writing the profile when it is removed
  rm -rf "$PROFILE" 2>/dev/null || true
}
trap stop EXIT

echo "Starting the app in dev mode on port $APP_PORT (log: $LOG)…"
setsid ./mvnw -B -q quarkus:dev -Ddebug=false -Dquarkus.http.port="$APP_PORT" -Dquarkus.console.enabled=false \
  -Dquarkus.analytics.disabled=true >"$LOG" 2>&1 </dev/null &
APP_PID=$!
BASE="http://localhost:$APP_PORT"
for _ in $(seq 1 180); do
  curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "dev mode stopped; see $LOG"; exit 1; }
  sleep 5
done
curl -sf "$BASE/q/health/ready" >/dev/null || { echo "dev mode not ready after 15 minutes; see $LOG"; exit 1; }

token() { curl -sf "$BASE/dev/token?user=$1" | tr -d '\n ' | sed -E 's/.*"access_token":"([^"]+)".*/\1/'; }
ALICE=$(token alice)
MARCO=$(token marco)
ADMIN=$(token admin)

chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$PROFILE" \
  --remote-debugging-address=127.0.0.1 --remote-debugging-port="$DEVTOOLS_PORT" about:blank >/dev/null 2>&1 &
BROWSER_PID=$!
for _ in $(seq 1 30); do curl -sf "http://127.0.0.1:$DEVTOOLS_PORT/json/version" >/dev/null 2>&1 && break; sleep 1; done

# Dashboards show the twelve complete months before this one (the current month is only days old).
MONTH_START=$(date -u +%Y-%m-01)
PERIOD="range=custom&from=$(date -u -d "$MONTH_START -12 month" +%Y-%m)&to=$(date -u -d "$MONTH_START -1 month" +%Y-%m)"
SHOTS=()
for tenant in acme-wholesale bloom-box; do
  for page in overview acquisition retention revenue uploads settings members api-keys audit; do
    path="/t/$tenant$([ "$page" = overview ] || echo "/$page")"
    case $page in overview|acquisition|retention|revenue) path="$path?$PERIOD" ;; esac
    SHOTS+=("$tenant-$page-desktop|$BASE$path|$ALICE|1280|en" "$tenant-$page-phone|$BASE$path|$ALICE|390|en")
  done
done
SHOTS+=("home-desktop|$BASE/|$ALICE|1280|en" "home-phone|$BASE/|$ALICE|390|en"
  "bloom-box-overview-vi-desktop|$BASE/t/bloom-box?$PERIOD|$ALICE|1280|vi" "bloom-box-overview-vi-phone|$BASE/t/bloom-box?$PERIOD|$ALICE|390|vi"
  "bloom-box-cohorts-desktop|$BASE/t/bloom-box/retention?$PERIOD|$ALICE|1280|en|.cohorts"
  "bloom-box-cohorts-vi-desktop|$BASE/t/bloom-box/retention?$PERIOD|$ALICE|1280|vi|.cohorts"
  "bloom-box-retention-vi-desktop|$BASE/t/bloom-box/retention?$PERIOD|$ALICE|1280|vi"
  "bloom-box-email-summary-desktop|$BASE/t/bloom-box/email-summary|$ALICE|1280|en"
  "bloom-box-uploads-vi-desktop|$BASE/t/bloom-box/uploads|$ALICE|1280|vi"
  "portfolio-desktop|$BASE/portfolio|$MARCO|1280|en" "portfolio-phone|$BASE/portfolio|$MARCO|390|en"
  "admin-tenants-desktop|$BASE/admin/tenants|$ADMIN|1280|en" "not-found-desktop|$BASE/t/no-such-tenant|$ALICE|1280|en")
java bench/screenshots/Screenshots.java "$DEVTOOLS_PORT" "$OUT" "${SHOTS[@]}"

pngquant --force --skip-if-larger --quality=65-90 --strip --ext .png "$OUT"/*.png || true
echo "$(ls "$OUT"/*.png | wc -l) screenshots in $OUT, $(du -ch "$OUT"/*.png | tail -1 | cut -f1) in all"
