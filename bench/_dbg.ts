import crypto from "node:crypto";
process.env.ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64");
process.env.ALLOW_HTTP_TARGETS = "true";
process.env.ALLOWED_TARGET_CIDRS = "127.0.0.0/8";
import { openTestDatabase } from "@/lib/testing/open-test-database";
import { seedDemo } from "@/lib/db/seed";
import { deliveries, attempts } from "@/lib/db/schema";
const h = await openTestDatabase();
(globalThis as { __wcDb?: Promise<typeof h> }).__wcDb = Promise.resolve(h);
await seedDemo(h.db);
const { startReceiver } = await import("@/lib/testing/receiver");
const { startTestWorker, testActor } = await import("@/lib/testing/engine");
const { createWebhook } = await import("@/lib/server/webhooks/create-webhook");
const { createWebhookSchema } = await import("@/lib/schemas/webhooks");
const { publishEvent } = await import("@/lib/server/events/publish-event");
const { webhookBody } = await import("@/lib/testing/webhooks");
const r = await startReceiver();
let calls = 0;
r.setHandler((q, res) => (++calls < 3 ? res.writeHead(500).end("no") : res.writeHead(200).end("ok")));
const w = await startTestWorker();
const actor = await testActor("acme", ["admin"]);
await createWebhook({
  actor,
  input: createWebhookSchema.parse(
    webhookBody({ url: `${r.url}/x`, failureHandling: { maxAttempts: 3, backoff: "linear", intervalSeconds: 1, suspendAfterFailures: 50 } }),
  ),
});
await publishEvent({ actor, input: { type: "order.created", data: {} } });
for (let i = 0; i < 8; i++) {
  await new Promise((res) => setTimeout(res, 1000));
  const d = await h.db.select().from(deliveries);
  const a = await h.db.select().from(attempts);
  console.log(
    i,
    calls,
    JSON.stringify(d.map((x) => [x.status, x.attempts, x.nextAttemptAt, x.leasedBy, x.claims])),
    a.length,
    JSON.stringify(a.map((x) => [x.attemptNo, x.responseStatus, x.nextAttemptAt])),
  );
}
await w.stop();
process.exit(0);
