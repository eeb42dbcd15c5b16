import "server-only";
import { describeDbError, isDatabaseUnavailable } from "@/lib/db/unavailable";

/** Backoff between retries while the database is unreachable: short, so delivery resumes within seconds of its return. */
export const backoffMs = (failures: number) => Math.min(2_000, 100 * 2 ** Math.min(failures, 5)) * (0.75 + Math.random() / 2);

/**
 * Logs a database outage once when it starts and once when it ends — not once per failed claim or retry, which
 * during a ten-second restart would be hundreds of lines. Errors that are not unavailability are logged each time.
 */
export function outageLog(log: (msg: string) => void) {
  let since: number | null = null;
  return {
    failed(what: string, err: unknown) {
      if (!isDatabaseUnavailable(err)) return log(`${what} failed: ${describeDbError(err)}`);
      if (since !== null) return;
      since = Date.now();
      log(`database unreachable (${what}: ${describeDbError(err)}); retrying with backoff`);
    },
    ok() {
      if (since === null) return;
      log(`database reachable again after ${((Date.now() - since) / 1000).toFixed(1)} s; delivering`);
      since = null;
    },
    get down() {
      return since !== null;
    },
  };
}

/** Runs `fn` until it succeeds (or `giveUp()` says stop), sleeping with backoff between tries. */
export async function retrying<T>(
  fn: () => Promise<T>,
  { what, outage, giveUp = () => false }: { what: string; outage: ReturnType<typeof outageLog>; giveUp?: () => boolean },
): Promise<T | undefined> {
  for (let failures = 0; ; failures++) {
    try {
      const result = await fn();
      outage.ok();
      return result;
    } catch (err) {
      outage.failed(what, err);
      if (giveUp()) return undefined;
      await new Promise((r) => setTimeout(r, backoffMs(failures)));
    }
  }
}
