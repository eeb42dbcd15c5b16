import "server-only";
import type { Client as PgClient } from "pg";
import { describeDbError } from "@/lib/db/unavailable";
import { backoffMs } from "./outage";
import { CHANNEL } from "./wake";

/**
 * PostgreSQL LISTEN on a dedicated connection: publishes in any process wake this process's worker.
 * The connection is re-opened with backoff whenever it breaks (restart, failover, pg_terminate_backend); each
 * (re)subscription wakes the worker, since notifications sent while it was away are lost.
 */
export function pgSubscriber(databaseUrl: string, log: (msg: string) => void = () => {}) {
  return (wake: () => void) => {
    let client: PgClient | undefined;
    let closed = false;
    let failures = 0;
    let lostLogged = false;
    let retryTimer: NodeJS.Timeout | undefined;

    const reconnectLater = () => {
      if (closed || retryTimer) return;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        void connect();
      }, backoffMs(failures++));
    };
    const connect = async () => {
      const { Client } = (await import("pg")).default;
      const c = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000, keepAlive: true });
      client = c;
      const lost = (err?: Error) => {
        if (client !== c) return; // an older connection
        client = undefined;
        void c.end().catch(() => {});
        if (!lostLogged && !closed) log(`LISTEN connection lost${err ? ` (${describeDbError(err)})` : ""}; re-subscribing with backoff`);
        lostLogged = true;
        reconnectLater();
      };
      c.on("notification", wake);
      c.on("error", lost);
      c.on("end", () => lost());
      try {
        await c.connect();
        await c.query(`LISTEN ${CHANNEL}`);
        if (closed) return void c.end().catch(() => {});
        if (lostLogged) log("LISTEN re-subscribed");
        failures = 0;
        lostLogged = false;
        wake();
      } catch (err) {
        lost(err as Error);
      }
    };
    void connect();
    return () => {
      closed = true;
      clearTimeout(retryTimer);
      const c = client;
      client = undefined;
      void c?.end().catch(() => {});
    };
  };
}
