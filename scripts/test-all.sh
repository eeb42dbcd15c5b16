#!/usr/bin/env bash
# npm test — every suite: unit + integration on PGlite, the same on PostgreSQL, then Playwright in Chromium.
# The last line sums them: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
[[ -d node_modules ]] || npm install --no-audit --no-fund
out=$(mktemp -d /tmp/wc-test-XXXXXX)
source scripts/pg-test-server.sh
trap 'type stop_pg >/dev/null 2>&1 && stop_pg' EXIT

count() { node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const s = r.stats ? { p: r.stats.expected + (r.stats.flaky || 0), f: r.stats.unexpected } : { p: r.numPassedTests, f: r.numFailedTests || (r.success ? 0 : 1) };
  console.log(s.p, s.f);' "$1" 2>/dev/null || echo "0 1"; }

status=0
echo "== typecheck"
npx tsc --noEmit -p . || status=1

# Lint, format and layer rules (scripts/check-code.sh); CHECK_CODE=0 skips them.
if [[ "${CHECK_CODE:-1}" != "0" ]]; then
  echo "== lint, format, layers"
  bash scripts/check-code.sh || status=1
fi

echo "== vitest (PGlite)"
env -u DATABASE_URL npx vitest run --reporter=default --reporter=json --outputFile="$out/vitest-pglite.json" || status=1
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  echo "== vitest (PostgreSQL)"
  DATABASE_URL="$TEST_DATABASE_URL" npx vitest run --reporter=default --reporter=json --outputFile="$out/vitest-postgres.json" || status=1
fi

echo "== build (Next.js, worker and CLI)"
npm run -s build >"$out/build.log" 2>&1 || { cat "$out/build.log"; status=1; }
echo "== playwright (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$out/playwright.json" npx playwright test --reporter=list,json || status=1

passed=0; failed=0
for f in "$out"/*.json; do read -r p fl < <(count "$f"); passed=$((passed + p)); failed=$((failed + fl)); done
[[ $status -ne 0 && $failed -eq 0 ]] && failed=1
echo "$passed passed, $failed failed"
exit $status
