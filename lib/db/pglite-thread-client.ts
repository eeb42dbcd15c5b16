import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { MessageChannel, type MessagePort, type Transferable, Worker } from "node:worker_threads";

/**
 * The lane a query to the PGlite thread joins (pglite-thread.mjs): work started inside `inBackgroundLane` (the
 * embedded delivery engine) queues behind what pages and the API ask. Kept on globalThis: Next bundles this module
 * once per layer, and the engine and the thread client may come from different copies.
 */
const LANE = Symbol.for("webhook-console.pglite-lane");
const lane: AsyncLocalStorage<"background"> = ((globalThis as Record<symbol, unknown>)[LANE] ??=
  new AsyncLocalStorage<"background">()) as AsyncLocalStorage<"background">;
export const inBackgroundLane = <T>(fn: () => T): T => lane.run("background", fn);

type Reply = { id: number; result?: unknown; error?: Record<string, unknown> & { message: string } };
type QueryOptions = { rowMode?: "array" | "object" };
type Results = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };

/** What drizzle-orm/pglite calls on a client (and on the client a transaction callback receives). */
export type PgliteLike = {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(fn: (tx: Omit<PgliteLike, "transaction" | "close">) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** Where the thread's protocol travels: the thread itself (its Worker), or a port attached to it. */
type Endpoint = {
  postMessage(message: unknown, transfer?: readonly Transferable[]): void;
  on(event: "message", listener: (reply: Reply) => void): unknown;
};

/**
 * PGlite in its own worker_threads thread (pglite-thread.mjs), behind the small part of PGlite's API that drizzle
 * uses. Queries, transactions and errors (with their SQLSTATE `code` and `constraint`) behave as with an in-thread
 * PGlite; only the WebAssembly runs elsewhere, so a long query or a busy engine no longer stalls pages and sockets.
 */
export async function openPgliteThread(dataDir?: string): Promise<PgliteLike & { attachPort(): MessagePort }> {
  const worker = new Worker(path.join(process.cwd(), "lib/db/pglite-thread.mjs"), { workerData: { dataDir } });
  await new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.once("message", () => resolve());
  });
  const client = over(worker, async (call) => {
    await call({ op: "close" });
    await worker.terminate();
  });
  // The thread died (out of memory, a WebAssembly trap): every caller hears about it rather than waiting forever.
  worker.on("error", client.fail);
  return {
    ...client.api,
    /** A port of its own to the same database, for the delivery engine's thread (engine-thread.ts): pgliteOverPort. */
    attachPort() {
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ op: "attach", port: port1 }, [port1]);
      return port2;
    },
  };
}

/** The same database through a port from `attachPort` (in another thread). Closing it closes the port, not PGlite. */
export function pgliteOverPort(port: MessagePort): PgliteLike {
  return over(port, () => Promise.resolve(port.close())).api;
}

function over(endpoint: Endpoint, close: (call: <T>(msg: Record<string, unknown>) => Promise<T>) => Promise<void>) {
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  let seq = 0;
  let failed: Error | null = null;
  endpoint.on("message", (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(Object.assign(new Error(m.error.message), m.error));
    else p.resolve(m.result);
  });
  const fail = (err: Error) => {
    failed = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const call = <T>(msg: Record<string, unknown>): Promise<T> => {
    if (failed) return Promise.reject(failed);
    const id = ++seq;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      endpoint.postMessage({ ...msg, id, lane: lane.getStore() ?? "default" });
    });
  };
  const on = (txId?: number) => ({
    query: (sql: string, params: unknown[] = [], options: QueryOptions = {}) => call<Results>({ op: "query", sql, params, rowMode: options.rowMode, txId }),
    exec: (sql: string) => call({ op: "exec", sql, txId }),
  });
  let txSeq = 0;
  const api: PgliteLike = {
    ...on(),
    async transaction(fn) {
      const txId = ++txSeq;
      await call({ op: "begin", txId });
      let result;
      try {
        result = await fn(on(txId));
      } catch (err) {
        await call({ op: "rollback", txId }).catch(() => {});
        throw err;
      }
      await call({ op: "commit", txId });
      return result;
    },
    close: () => close(call),
  };
  return { api, fail };
}
