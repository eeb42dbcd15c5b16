#!/usr/bin/env bash
# npm run console — from a fresh clone to a running console on http://localhost:3000
# (embedded database in ./.data with demo data; set DATABASE_URL to use PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm install --no-audit --no-fund
npm run -s build   # the Next.js app, then the worker and CLI into dist/
[[ -n "${DATABASE_URL:-}" ]] && npm run -s db:migrate
export AUTH_TRUST_HOST=true
exec npx next start -p "${PORT:-3000}"
