#!/usr/bin/env bash
# npm start — a real install: no demo accounts. On first start without an admin the log prints a one-time
# setup token for /setup. Listens on 127.0.0.1 unless HOSTNAME is set (HOSTNAME=0.0.0.0: every interface).
set -euo pipefail
cd "$(dirname "$0")/.."
# bash sets $HOSTNAME itself; only an exported HOSTNAME counts.
exec npx next start -p "${PORT:-3000}" -H "$(printenv HOSTNAME || echo 127.0.0.1)" "$@"
