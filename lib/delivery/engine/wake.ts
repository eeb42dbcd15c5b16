import "server-only";
import { EventEmitter } from "node:events";

// In-process signal: a publish in this process wakes the embedded worker at once.
// With PostgreSQL, publishers also NOTIFY and separate worker processes LISTEN (see listen.ts).
const g = globalThis as unknown as { __wcWake?: EventEmitter };
const bus = (g.__wcWake ??= new EventEmitter().setMaxListeners(100));

export const CHANNEL = "webhook_console_deliveries";
export const wakeWorkers = () => bus.emit("wake");
export const onWake = (fn: () => void) => {
  bus.on("wake", fn);
  return () => bus.off("wake", fn);
};
