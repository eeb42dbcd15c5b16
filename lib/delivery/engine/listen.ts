import "server-only";
import { CHANNEL } from "./wake";

/** PostgreSQL LISTEN on a dedicated connection: publishes in any process wake this process's worker. */
export function pgSubscriber(databaseUrl: string) {
  return (wake: () => void) => {
    let client: import("pg").Client | undefined;
    let closed = false;
    void (async () => {
      const { Client } = (await import("pg")).default;
      client = new Client({ connectionString: databaseUrl });
      client.on("notification", wake);
      client.on("error", () => {});
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      if (closed) await client.end();
    })().catch(() => {});
    return () => {
      closed = true;
      void client?.end().catch(() => {});
    };
  };
}
