#!/usr/bin/env bash
# npm start — a real install: no demo accounts. On first start without an admin the log prints a one-time
# setup token for /setup. Listens on 127.0.0.1 unless HOSTNAME is set (HOSTNAME=0.0.0.0: every interface).
set -euo pipefail
cd "$(dirname "$0")/.."
# bash sets $HOSTNAME itself; only an exported HOSTNAME counts.
# Idle kept-alive connections stay open 65 s (Node's default is 5 s): longer than a load balancer's usual 60 s idle
# timeout, so the server never closes a socket a client or proxy is about to reuse (that race resets a request).
exec npx next start -p "${PORT:-3000}" -H "$(printenv HOSTNAME || echo 127.0.0.1)" --keepAliveTimeout 65000 "$@"
