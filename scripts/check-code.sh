#!/usr/bin/env bash
# Lint, format and layer checks: ESLint (type-aware), Prettier, dependency-cruiser. Exits non-zero if any fails.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
echo "== eslint"
npx eslint --max-warnings=0 . || status=1
echo "== prettier --check"
npx prettier --check --log-level=warn . || status=1
echo "== dependency-cruiser (layers, cycles)"
npx depcruise app components lib scripts bench e2e instrumentation.ts --config .dependency-cruiser.cjs --output-type err || status=1
exit $status
