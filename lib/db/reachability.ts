// Whether this process last found its PostgreSQL database reachable. The pool reports connections made and lost,
// and requests that failed for that reason; proxy.ts reads it and answers page requests with 503 + Retry-After while
// it is down, instead of rendering pages that would fail. Kept on globalThis: the proxy is bundled apart from the
// routes but runs in the same process. No database import here, so the proxy can load it.
import { isDatabaseUnavailable } from "./unavailable";

type State = { downSince: number | null; lastProbe: number; probe?: () => Promise<unknown> };
const g = globalThis as unknown as { __wcDbReachability?: State };
const state = () => (g.__wcDbReachability ??= { downSince: null, lastProbe: 0 });

/** An error reached us: if it says the database is unreachable, it is down from now until a query succeeds. */
export function noteDatabaseError(err: unknown) {
  if (isDatabaseUnavailable(err)) state().downSince ??= Date.now();
}

export function noteDatabaseReachable() {
  state().downSince = null;
}

/** How to ask the database whether it is back (a trivial query); set by the process that opened it. */
export function setDatabaseProbe(probe: (() => Promise<unknown>) | undefined) {
  state().probe = probe;
}

/** True while the database is known to be unreachable. While it is, probes again in the background, at most once a second. */
export function databaseUnreachable(now = Date.now()): boolean {
  const s = state();
  if (s.downSince === null) return false;
  if (s.probe && now - s.lastProbe >= 1_000) {
    s.lastProbe = now;
    void s.probe().then(noteDatabaseReachable, noteDatabaseError);
  }
  return true;
}
