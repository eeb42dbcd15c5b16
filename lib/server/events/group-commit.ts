import "server-only";
import { getDbHandle } from "@/lib/db/client";
import { wakeWorkers } from "@/lib/delivery/engine/wake";
import { insertEvents, type InsertResult, type PendingEvent } from "./insert-events";

/** How long the first publish of a group waits for others to join it while another group commits (at most 2 ms). */
let LINGER_MS = 1;
/** A group never grows past this (one statement: insert-events.ts). */
let MAX_GROUP = 500;

/** For the benchmark's before/after: `maxGroup: 1` is the old one-statement-per-publish behaviour. */
export function configureGroupCommit(options: { lingerMs?: number; maxGroup?: number }) {
  LINGER_MS = Math.min(2, options.lingerMs ?? LINGER_MS);
  MAX_GROUP = options.maxGroup ?? MAX_GROUP;
}

type Waiter = { item: PendingEvent; resolve: (r: InsertResult) => void; reject: (err: unknown) => void };

const g = globalThis as unknown as { __wcPublishQueue?: { queue: Waiter[]; timer: NodeJS.Timeout | null; running: number } };
const state = (g.__wcPublishQueue ??= { queue: [], timer: null, running: 0 });

/**
 * Group commit: concurrent single publishes share one statement. Each caller still gets its own answer
 * (accepted / duplicate / invalid), and an event is accepted only once its statement committed. Groups run one
 * at a time on PGlite (one connection) and a few at a time on PostgreSQL; publishes that arrive while a group
 * commits form the next group, so under load groups grow by themselves; an idle publish does not wait at all.
 */
export function commitInGroup(item: PendingEvent): Promise<InsertResult> {
  return new Promise((resolve, reject) => {
    state.queue.push({ item, resolve, reject });
    // Idle (nothing committing): no reason to wait. Busy: wait a moment for others to join the group.
    if (state.queue.length >= MAX_GROUP || state.running === 0) void drain();
    else state.timer ??= setTimeout(() => void drain(), LINGER_MS);
  });
}

async function drain() {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
  const handle = await getDbHandle();
  const parallel = handle.kind === "postgres" ? 4 : 1;
  while (state.queue.length && state.running < parallel) {
    const group = state.queue.splice(0, MAX_GROUP);
    state.running++;
    void commit(handle, group).finally(() => {
      state.running--;
      if (state.queue.length) void drain();
    });
  }
}

async function commit(handle: Parameters<typeof insertEvents>[0], group: Waiter[]) {
  try {
    const results = await insertEvents(
      handle,
      group.map((w) => w.item),
    );
    group.forEach((w, i) => w.resolve(results[i]));
    if (results.some((r) => r.status === "accepted")) wakeWorkers();
  } catch (err) {
    // Nothing of the group was written (one statement): every caller sees the failure, as a lone publish would.
    group.forEach((w) => w.reject(err));
  }
}
