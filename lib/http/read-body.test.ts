import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { NextRequest } from "next/server";
import { MAX_AUTH_BODY_BYTES, MAX_BODY_BYTES, readBodyLimited, readJsonBody } from "./read-body";
import { withBodyLimit } from "./body-limit";

/** A chunked body without Content-Length that never ends; counts what was pulled and whether it was cancelled. */
function endlessBody(chunkBytes = 16 * 1024) {
  const state = { pulled: 0, cancelled: false };
  const chunk = new Uint8Array(chunkBytes).fill(120);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      state.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}
const post = (body: ReadableStream | string, headers: Record<string, string> = {}) =>
  new NextRequest("http://127.0.0.1/api/auth/callback/credentials", { method: "POST", body, headers, duplex: "half" });

describe("readBodyLimited: bodies are limited while streaming, before they are buffered", () => {
  it.each([
    ["API (1 MiB)", MAX_BODY_BYTES],
    ["sign-in (64 KiB)", MAX_AUTH_BODY_BYTES],
  ])("%s: an endless chunked body is refused with 413 after just over the limit, and the stream is cancelled", async (_label, limit) => {
    const { stream, state } = endlessBody();
    const err = await readBodyLimited(post(stream), limit).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.status).toBe(413);
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThan(limit + 4 * 16 * 1024);
  });

  it("a declared Content-Length over the limit is refused without reading", async () => {
    const { stream, state } = endlessBody();
    const err = await readBodyLimited(post(stream, { "content-length": String(MAX_BODY_BYTES + 1) }), MAX_BODY_BYTES).catch((e) => e);
    expect(err.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("a body at the limit is read whole; JSON within it parses", async () => {
    const exact = "x".repeat(MAX_AUTH_BODY_BYTES);
    expect((await readBodyLimited(post(exact), MAX_AUTH_BODY_BYTES)).byteLength).toBe(MAX_AUTH_BODY_BYTES);
    expect(await readJsonBody(post(JSON.stringify({ a: 1 })))).toEqual({ a: 1 });
  });
});

describe("withBodyLimit (the next-auth route)", () => {
  it("answers 413 problem+json with Connection: close and never calls the handler for an oversized body", async () => {
    let called = 0;
    const handler = withBodyLimit(() => {
      called++;
      return Promise.resolve(new Response("ok"));
    }, MAX_AUTH_BODY_BYTES);
    const { stream } = endlessBody();
    const res = await handler(post(stream), {});
    expect([res.status, res.headers.get("content-type"), res.headers.get("connection"), called]).toEqual([413, "application/problem+json", "close", 0]);
  });

  it("hands a small body through unchanged (form fields, headers, method)", async () => {
    let seen = "";
    const handler = withBodyLimit(async (req) => {
      const email = (await req.formData()).get("email");
      seen = `${req.method} ${req.headers.get("content-type")} ${typeof email === "string" ? email : ""}`;
      return new Response("ok");
    }, MAX_AUTH_BODY_BYTES);
    const res = await handler(post("email=a%40example.com&password=x", { "content-type": "application/x-www-form-urlencoded" }), {});
    expect(res.status).toBe(200);
    expect(seen).toBe("POST application/x-www-form-urlencoded a@example.com");
  });
});
