import { describe, expect, it } from "vitest";
import { credentialForms, scrubHeaders, scrubResult, scrubText } from "./scrub";

const key = "whk_S3cr3t+key/with=odd%chars";
const b64 = (s: string) => Buffer.from(s).toString("base64");
const b64url = (s: string) => Buffer.from(s).toString("base64url");
const formEncode = (s: string) => new URLSearchParams({ v: s }).toString().slice(2);

describe("scrubText: every spelling of a credential a receiver might echo", () => {
  const cases: [string, string][] = [
    ["raw", `{"x-api-key":"${key}"}`],
    ["URL-encoded", `GET /echo?key=${encodeURIComponent(key)}`],
    ["form-encoded (+ for space)", `client_secret=${formEncode(key + " tail")}`],
    ["base64", `token=${b64(key)}`],
    ["base64url", `token=${b64url(key)}`],
    ["inside Basic (id:secret, offset 0 mod 3)", `authorization: Basic ${b64(`abc:${key}`)}`],
    ["inside Basic (offset 1 mod 3)", `authorization: Basic ${b64(`ab:${key}`)}`],
    ["inside Basic (offset 2 mod 3)", `authorization: Basic ${b64(`a:${key}`)}`],
    ["inside Basic with form-encoded parts (OAuth client auth)", `Basic ${b64(`my%20client:${formEncode(key)}`)}`],
    ["bearer token", `{"headers":{"authorization":"Bearer ${key}"}}`],
    ["twice, in JSON and in a header dump", `${key} and again ${key}`],
    ["base64 of a JSON blob carrying it", `blob=${b64(JSON.stringify({ k: key, n: 1 }))}`],
  ];
  it.each(cases)("%s", (_label, text) => {
    const out = scrubText(text, [key + (text.includes("tail") ? " tail" : "")]);
    for (const form of credentialForms(key)) expect(out).not.toContain(form);
    expect(out).not.toContain(key);
    expect(out).toContain("*****");
  });

  it("removes the secret's base64 however the surrounding bytes align", () => {
    for (let pad = 0; pad < 6; pad++) {
      const text = b64(`${"p".repeat(pad)}${key}${"q".repeat(pad)}`);
      const decoded = Buffer.from(scrubText(text, [key]).replace(/\*/g, "A"), "base64").toString("latin1");
      expect(decoded).not.toContain(key);
      expect(decoded).not.toContain(key.slice(1, -1));
    }
  });

  it("leaves text without a credential alone, ignores empty and very short values", () => {
    expect(scrubText("all fine here", [key])).toBe("all fine here");
    expect(scrubText("abc abc", ["abc", "", undefined, null])).toBe("abc abc");
  });

  it("scrubs several credentials at once (API key, bearer token, client secret, secret header)", () => {
    const token = "eyJhbGciOi.access.token-123";
    const header = "hdr-secret-value-9";
    expect(scrubText(`${key}|Bearer ${token}|${header}`, [key, token, header])).toBe("*****|Bearer *****|*****");
  });
});

describe("scrubHeaders / scrubResult", () => {
  it("scrubs header values, body and error message; leaves status and timing", () => {
    const result = {
      ok: false,
      status: 500,
      durationMs: 12,
      body: `echo ${key}`,
      headers: { "x-echo": key, "content-type": "text/plain" },
      errorMessage: `failed with ${b64(key)}`,
    };
    expect(scrubResult(result, [key])).toEqual({
      ok: false,
      status: 500,
      durationMs: 12,
      body: "echo *****",
      headers: { "x-echo": "*****", "content-type": "text/plain" },
      errorMessage: "failed with *****",
    });
    expect(scrubHeaders({ authorization: `Basic ${b64(`id:${key}`)}` }, [key]).authorization).not.toContain(b64(key).slice(4, 12));
  });

  it("returns the same object when there is nothing to scrub for", () => {
    const result = { ok: true, durationMs: 1, body: "x" };
    expect(scrubResult(result, [undefined])).toBe(result);
  });
});
