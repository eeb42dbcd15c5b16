import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTestDatabase } from "@/lib/testing/db";
import { startTestWorker, testActor, waitFor } from "@/lib/testing/engine";
import { webhookBody } from "@/lib/testing/webhooks";
import { deliveries } from "@/lib/db/schema";
import { createWebhook } from "@/lib/server/webhooks/create-webhook";
import { deleteWebhook } from "@/lib/server/webhooks/delete-webhook";
import { publishEvent } from "@/lib/server/events/publish-event";
import { createWebhookSchema } from "@/lib/schemas/webhooks";
import { generateSigningSecret, signPayload } from "@/lib/delivery/sign";
import type { Worker } from "@/lib/delivery/engine/worker";
import { SNIPPETS } from "./snippets";

// The guide's receivers, run as real processes: the engine delivers to each, and each rejects what it must.
const dir = path.resolve(import.meta.dirname, "snippets");
const RUNNERS = {
  node: [path.resolve("node_modules/.bin/tsx"), "receiver.ts"],
  python: ["python3", "receiver.py"],
  java: ["java", "Receiver.java"],
} as const;

const testDb = useTestDatabase();
let worker: Worker;
beforeAll(async () => {
  worker = await startTestWorker();
});
afterAll(() => worker?.stop());

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function startReceiver(lang: keyof typeof RUNNERS, env: Record<string, string>) {
  const [cmd, file] = RUNNERS[lang];
  // Its own process group: tsx (and java) start the receiver as a child, which must go when the test stops it.
  const child: ChildProcess = spawn(cmd, [file], { cwd: dir, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  await waitFor(() => out.includes("listening on"), 60_000).catch(() => {
    throw new Error(`${lang} receiver did not start:\n${out}`);
  });
  const stop = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {} // already gone
  };
  process.once("exit", stop);
  return { output: () => out, stop };
}

describe.each(Object.keys(RUNNERS) as (keyof typeof RUNNERS)[])("the %s receiver from the guide", (lang) => {
  it("verifies a real signed delivery from the engine, and rejects a tampered, replayed or unauthenticated one", async () => {
    const port = await freePort();
    const actor = await testActor("acme", ["admin"]);
    const input = createWebhookSchema.parse(webhookBody({ url: `http://127.0.0.1:${port}/hooks/${lang}`, eventTypes: ["order.created"], payload: "full" }));
    const { row, secrets } = await createWebhook({ actor, input });
    // A rotation in progress: an old secret listed first, the live one second.
    const receiver = await startReceiver(lang, {
      PORT: String(port),
      WEBHOOK_PATH: `/hooks/${lang}`,
      WEBHOOK_SECRET: `${generateSigningSecret()} ${secrets.signingSecret}`,
      API_KEY: secrets.apiKey!,
    });
    try {
      const published = await publishEvent({ actor, input: { type: "order.created", data: { order: 7 } } });
      await waitFor(() => receiver.output().includes(`verified ${published.id} order.created`), 30_000);
      const delivery = await waitFor(async () => {
        const [d] = await testDb.db.select().from(deliveries).where(eq(deliveries.webhookId, row.id));
        return d?.status === "succeeded" && d;
      });
      expect(delivery.attempts).toBe(1);

      const body = '{"id":"evt_1","type":"order.created","is_test":true}';
      const post = async ({ sentBody = body, timestamp = Math.floor(Date.now() / 1000), key = secrets.apiKey! } = {}) => {
        const id = `msg_${Math.random().toString(36).slice(2)}`;
        const signature = signPayload({ id, timestamp, body, secrets: [secrets.signingSecret] });
        const headers = {
          "content-type": "application/json",
          "webhook-id": id,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": signature,
          "x-api-key": key,
        };
        return (await fetch(`http://127.0.0.1:${port}/hooks/${lang}`, { method: "POST", headers, body: sentBody })).status;
      };
      expect(await post()).toBe(204);
      expect(await post({ sentBody: '{"id":"evt_1","type":"order.created","is_test":false}' })).toBe(401);
      expect(await post({ timestamp: Math.floor(Date.now() / 1000) - 600 })).toBe(401);
      expect(await post({ key: "not-the-key" })).toBe(401);
      expect(receiver.output()).toContain("verified evt_1 order.created (test)");
    } finally {
      receiver.stop();
      await deleteWebhook({ actor, id: row.id });
    }
  }, 120_000);
});

describe("the Go receiver from the guide", () => {
  it("uses the same headers, secret prefix, signature scheme and tolerance as the others", () => {
    for (const snippet of SNIPPETS) {
      const source = readFileSync(path.join(dir, snippet.file), "utf8");
      for (const constant of ["webhook-id", "webhook-timestamp", "webhook-signature", "whsec_", '"v1,"', "300", "X-Api-Key", "Bearer "]) {
        expect(source, `${snippet.file} uses ${constant}`).toContain(constant);
      }
      expect(source).toMatch(/sha256|HmacSHA256/);
      expect(source).toContain(snippet.officialLibrary);
    }
  });
});
