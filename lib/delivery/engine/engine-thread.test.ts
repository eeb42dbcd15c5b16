// The web server's engine in a thread of its own (engine-thread-host.ts), as `next start` runs it: built by esbuild,
// reaching PGlite through a port attached to PGlite's thread (or PostgreSQL through its own pool).
import { afterAll, beforeAll, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { testActor, waitFor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { builtEngineThreadForTests } from "@/lib/testing/worker-process";
import { attempts, deliveries } from "@/lib/db/schema";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { publishEvent } from "@/lib/server/events/publish-event";
import { startEngineThread, type EngineThread } from "./engine-thread-host";

const pgliteThreadBefore = process.env.TEST_PGLITE_THREAD;
process.env.TEST_PGLITE_THREAD = "1"; // PGlite in its own thread, as the web server opens it: a port can be attached
process.env.ALLOW_HTTP_TARGETS = "true"; // the thread reads its own copy of the environment
const testDb = useTestDatabase();
let receiver: Receiver;
let engine: EngineThread | null = null;
const logged: string[] = [];
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await engine?.stop();
  await receiver?.close();
  if (pgliteThreadBefore === undefined) delete process.env.TEST_PGLITE_THREAD;
  else process.env.TEST_PGLITE_THREAD = pgliteThreadBefore;
});

it("delivers, signed, what the web server's thread publishes, and records the attempt through its own connection", async () => {
  (globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
  engine = await startEngineThread((msg) => logged.push(msg), {
    file: builtEngineThreadForTests(),
    env: testDb.url ? { ...process.env, DATABASE_URL: testDb.url } : process.env, // PostgreSQL: this file's database
  });
  expect(engine).not.toBeNull();
  const actor = await testActor("acme", ["admin"]);
  const { row } = await createWebhook({ actor, input: createWebhookSchema.parse(webhookBody({ url: `${receiver.url}/thread` })) });
  const { id: eventId } = await publishEvent({ actor, input: { type: row.eventTypes[0], data: { from: "the web server's thread" } } });
  const request = await waitFor(() => receiver.requests.find((r) => r.path === "/thread"));
  expect(JSON.parse(request.body)).toMatchObject({ id: eventId, type: row.eventTypes[0] });
  expect(request.headers["webhook-signature"]).toMatch(/^v1,/);
  const [delivery] = await waitFor(async () => {
    const done = await testDb.db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.eventId, eventId), eq(deliveries.status, "succeeded")));
    return done.length ? done : null;
  });
  const recorded = await testDb.db.select().from(attempts).where(eq(attempts.deliveryId, delivery.id));
  expect(recorded.map((a) => a.responseStatus)).toEqual([200]);
  expect(logged.filter((m) => m.includes("engine thread"))).toEqual([]); // it neither failed nor restarted
});
