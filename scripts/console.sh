#!/usr/bin/env bash
# npm run console — THE DEMO: from a fresh clone to a running console on http://localhost:3000 with
# seeded demo accounts whose password is public (shown on the login page). Embedded database in ./.data
# (or DATABASE_URL). Listens on 127.0.0.1 unless HOSTNAME is set. For a real install use `npm start`.
set -euo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm install --no-audit --no-fund
npm run -s build   # the Next.js app, then the worker and CLI into dist/
[[ -n "${DATABASE_URL:-}" ]] && npm run -s db:migrate
export AUTH_TRUST_HOST="${AUTH_TRUST_HOST:-true}" DEMO=true
exec bash scripts/start.sh
