import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startReceiver, type Receiver } from "@/lib/testing/receiver";
import { classifyError, createHttpClient, type HttpClient } from "./http-client";
import { parseAllowedCidrs } from "./ssrf";

let receiver: Receiver;
let client: HttpClient;
beforeAll(async () => {
  receiver = await startReceiver();
  client = createHttpClient({ allowedCidrs: parseAllowedCidrs("127.0.0.0/8"), timeoutMs: 300 });
});
afterAll(async () => {
  await client.close();
  await receiver.close();
});
beforeEach(() => {
  receiver.requests.length = 0;
  receiver.setHandler((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("thanks"));
});

const post = (path = "/hook", extra = {}) =>
  client.send({
    url: `${receiver.url}${path}`,
    headers: { "content-type": "application/json", "webhook-id": "evt_1" },
    body: '{"hello":"world"}',
    ...extra,
  });

describe("createHttpClient", () => {
  it("posts the body and returns status, headers and the answer", async () => {
    const result = await post();
    expect(result).toMatchObject({ ok: true, status: 200, body: "thanks", headers: { "content-type": "text/plain" } });
    expect(result.errorClass).toBeUndefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
    expect(receiver.requests).toMatchObject([{ method: "POST", path: "/hook", body: '{"hello":"world"}', headers: { "webhook-id": "evt_1" } }]);
  });

  it("keeps connections alive between sends", async () => {
    await post();
    const before = receiver.connections;
    await post();
    await post();
    expect(receiver.connections).toBe(before);
  });

  it("reports a 500 as an http_status failure with the body", async () => {
    receiver.setHandler((_req, res) => res.writeHead(500).end("boom"));
    expect(await post()).toMatchObject({ ok: false, status: 500, body: "boom", errorClass: "http_status" });
  });

  it("never follows a redirect", async () => {
    receiver.setHandler((req, res) => (req.path === "/hook" ? res.writeHead(302, { location: "/elsewhere" }).end() : res.writeHead(200).end()));
    expect(await post()).toMatchObject({ ok: false, status: 302, errorClass: "http_status" });
    expect(receiver.requests.map((r) => r.path)).toEqual(["/hook"]);
  });

  it("times out a receiver that does not answer", async () => {
    receiver.setHandler(() => new Promise(() => {}));
    const result = await post();
    expect(result).toMatchObject({ ok: false, errorClass: "timeout" });
    expect(result.durationMs).toBeLessThan(3_000); // undici checks headersTimeout on a ~1 s tick
  });

  it("times out a receiver that stalls mid-body, keeping the status", async () => {
    receiver.setHandler((_req, res) => {
      res.writeHead(200);
      res.write("partial");
    });
    expect(await post()).toMatchObject({ ok: false, status: 200, errorClass: "timeout" });
  });

  it("times out a receiver that trickles its answer past the deadline", async () => {
    receiver.setHandler((_req, res) => {
      res.writeHead(200);
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(".")), 50);
    });
    const result = await post();
    expect(result).toMatchObject({ ok: false, status: 200, errorClass: "timeout" });
    expect(result.durationMs).toBeLessThan(1_000);
  });

  it("stores only the first 4 KiB of a 1 MiB answer", async () => {
    const big = Buffer.alloc(1024 * 1024, "abcdefgh");
    receiver.setHandler((_req, res) => res.writeHead(200).end(big));
    const result = await post();
    expect(result.ok).toBe(true);
    expect(result.body).toHaveLength(4096);
    expect(result.body).toBe(big.subarray(0, 4096).toString());
  });

  it("classifies a refused port as connect", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    expect(await client.send({ url: `http://127.0.0.1:${port}/` })).toMatchObject({
      ok: false,
      errorClass: "connect",
      errorMessage: expect.stringContaining("ECONNREFUSED"),
    });
  });

  it("classifies a TLS handshake failure as tls", async () => {
    const url = receiver.url.replace("http:", "https:");
    expect(await client.send({ url })).toMatchObject({ ok: false, errorClass: "tls" });
  });

  it("classifies an unknown host as dns", async () => {
    expect(await client.send({ url: "http://no-such-host.invalid/" })).toMatchObject({ ok: false, errorClass: "dns" });
  });

  it("refuses blocked addresses without connecting", async () => {
    const guarded = createHttpClient();
    const before = receiver.connections;
    expect(await guarded.send({ url: `${receiver.url}/hook` })).toMatchObject({ ok: false, errorClass: "blocked_address" });
    expect(receiver.connections).toBe(before);
    await guarded.close();
  });
});

describe("classifyError", () => {
  const withCode = (code: string, name = "Error") => Object.assign(new Error("x"), { code, name });
  const cases: [Error, string][] = [
    [withCode("BLOCKED_ADDRESS"), "blocked_address"],
    [withCode("ENOTFOUND"), "dns"],
    [withCode("EAI_AGAIN"), "dns"],
    [withCode("ECONNREFUSED"), "connect"],
    [withCode("ECONNRESET"), "connect"],
    [withCode("UND_ERR_SOCKET"), "connect"],
    [withCode("UND_ERR_CONNECT_TIMEOUT"), "timeout"],
    [withCode("UND_ERR_HEADERS_TIMEOUT"), "timeout"],
    [withCode("UND_ERR_BODY_TIMEOUT"), "timeout"],
    [new DOMException("signal timed out", "TimeoutError"), "timeout"],
    [withCode("DEPTH_ZERO_SELF_SIGNED_CERT"), "tls"],
    [withCode("CERT_HAS_EXPIRED"), "tls"],
    [withCode("UNABLE_TO_VERIFY_LEAF_SIGNATURE"), "tls"],
    [withCode("HOSTNAME_MISMATCH"), "tls"],
    [withCode("ERR_TLS_CERT_ALTNAME_INVALID"), "tls"],
    [withCode("ERR_SSL_WRONG_VERSION_NUMBER"), "tls"],
    [Object.assign(new AggregateError([withCode("ECONNREFUSED"), withCode("ETIMEDOUT")]), {}), "timeout"],
    [new TypeError("fetch failed", { cause: withCode("ENOTFOUND") }), "dns"],
    [new Error("mystery"), "connect"],
  ];
  it.each(cases.map(([err, expected]) => [(err as { code?: string }).code ?? err.name, err, expected] as const))("%s → %s", (_label, err, expected) => {
    expect(classifyError(err)).toBe(expected);
  });
});
