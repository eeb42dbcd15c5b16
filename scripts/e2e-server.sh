#!/usr/bin/env bash
# The server Playwright tests against: a production build on a fresh embedded database, in demo mode
# (the specs sign in with the demo accounts).
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_DIR=.data-e2e AUTH_TRUST_HOST=true DEMO=true PORT="${E2E_PORT:-3100}"
export ALLOWED_TARGET_CIDRS="127.0.0.0/8,::1/128" ALLOW_HTTP_TARGETS=true
rm -rf "$DATA_DIR"
export HOSTNAME=127.0.0.1
exec bash scripts/start.sh
