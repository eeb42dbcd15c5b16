// The embedded database's own thread. PGlite runs every query synchronously in WebAssembly on the thread that calls
// it; here that is this worker_threads thread, so the web server's event loop (pages, API, delivery sends) never
// waits inside a query. Protocol: see pglite-thread-client.ts. Plain JavaScript so that it loads without a bundler.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, types } from "@electric-sql/pglite";

// Same as drizzle-orm/pglite: date and time types come back as text, drizzle maps them.
const asText = (value) => value;
const parsers = Object.fromEntries([types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((t) => [t, asText]));

const pg = await PGlite.create(workerData.dataDir ?? undefined);

/**
 * Who asks: the web server (parentPort), or a port it attached for the delivery engine's own thread (engine-thread.ts).
 * Each keeps its open transactions apart (both number them from 1); their commands arrive here and run, in order,
 * inside PGlite's transaction callback. Replies go back through the port the question came in on.
 */
const source = (port) => ({ port, inboxes: new Map(), reply: (id, body) => port.postMessage({ id, ...body }) });
const serialise = (err) => {
  const out = { message: String(err?.message ?? err) };
  for (const k of ["code", "detail", "hint", "constraint", "table", "column", "schema", "severity", "position", "where"])
    if (err?.[k] !== undefined) out[k] = err[k];
  return out;
};
const run = async (on, m) => {
  if (m.op === "exec") return on.exec(m.sql);
  const r = await on.query(m.sql, m.params ?? [], { rowMode: m.rowMode ?? "object", parsers });
  return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
};

/**
 * Runs a transaction; resolves when it has ended (the scheduler runs nothing else meanwhile: PGlite has one session).
 */
function begin(m, { inboxes, reply }) {
  const queue = [];
  let waiting = null;
  inboxes.set(m.txId, (cmd) => (waiting ? (waiting(cmd), (waiting = null)) : queue.push(cmd)));
  const nextCommand = () => (queue.length ? Promise.resolve(queue.shift()) : new Promise((r) => (waiting = r)));
  let last = m.id; // who hears about a failure of the transaction itself (begin, or the commit that failed)
  return pg
    .transaction(async (tx) => {
      reply(m.id, { result: null });
      for (;;) {
        const cmd = await nextCommand();
        last = cmd.id;
        if (cmd.op === "commit") return;
        if (cmd.op === "rollback") throw Object.assign(new Error("rolled back"), { rolledBack: true });
        try {
          reply(cmd.id, { result: await run(tx, cmd) });
        } catch (err) {
          reply(cmd.id, { error: serialise(err) });
        }
      }
    })
    .then(
      () => (inboxes.delete(m.txId), reply(last, { result: null })),
      (err) => (inboxes.delete(m.txId), reply(last, err?.rolledBack ? { result: null } : { error: serialise(err) })),
    );
}

/**
 * Two lanes, one session: what pages and the API ask (the default lane) runs before what the delivery engine has
 * queued (`background`), one operation at a time, so a page waits for at most the statement or transaction that is
 * running, not for a queue of claims and result writes (performance.md §9). The engine is not starved by a producer
 * publishing flat out: after FAIR_SHARE default operations in a row while it waits, one of its operations runs.
 * A transaction's own commands bypass the lanes: it holds the session until it ends.
 */
const lanes = { default: [], background: [] };
const FAIR_SHARE = 4;
let inARow = 0;
let running = false;

function nextOperation() {
  const engineTurn = lanes.background.length > 0 && (lanes.default.length === 0 || inARow >= FAIR_SHARE);
  inARow = engineTurn || lanes.background.length === 0 ? 0 : inARow + 1;
  return engineTurn ? lanes.background.shift() : lanes.default.shift();
}

async function perform({ m, from }) {
  if (m.op === "begin") return begin(m, from);
  if (m.op === "close") {
    await pg.close();
    return from.reply(m.id, { result: null });
  }
  try {
    from.reply(m.id, { result: await run(pg, m) });
  } catch (err) {
    from.reply(m.id, { error: serialise(err) });
  }
}

async function drain() {
  if (running) return;
  running = true;
  for (;;) {
    // PGlite's queries finish synchronously: without a turn of the event loop between them, messages that arrived
    // meanwhile (a page's query) would wait in the port until both lanes were empty.
    await new Promise((resolve) => setImmediate(resolve));
    const operation = nextOperation();
    if (!operation) break;
    await perform(operation).catch(() => {}); // perform replies with its own errors; a failed transaction was answered too
  }
  running = false;
}

function listen(port) {
  const from = source(port);
  // The engine's thread died or closed its port: a transaction it left open would hold the one session forever.
  port.on("close", () => from.inboxes.forEach((deliver) => deliver({ op: "rollback", id: 0 })));
  port.on("message", (m) => {
    if (m.op === "attach") return listen(m.port); // the engine's thread: its own port, its own transactions
    if (m.txId !== undefined && m.op !== "begin") return from.inboxes.get(m.txId)?.(m);
    lanes[m.lane === "background" ? "background" : "default"].push({ m, from });
    void drain();
  });
}
listen(parentPort);
parentPort.postMessage({ ready: true });
