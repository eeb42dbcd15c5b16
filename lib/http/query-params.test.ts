import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/db";
import { createTestKey, type call } from "@/lib/testing/api";
import { AppError } from "@/lib/server/errors";
import { assertSameOrigin } from "./identity";
import * as webhooks from "@/app/api/v1/orgs/[org]/webhooks/route";
import * as webhookDeliveries from "@/app/api/v1/orgs/[org]/webhooks/[id]/deliveries/route";
import * as diverted from "@/app/api/v1/orgs/[org]/diverted-events/route";
import * as events from "@/app/api/v1/orgs/[org]/events/route";
import * as eventDeliveries from "@/app/api/v1/orgs/[org]/events/[id]/deliveries/route";
import * as auditLog from "@/app/api/v1/orgs/[org]/audit-log/route";
import * as changeRequests from "@/app/api/v1/orgs/[org]/change-requests/route";

useTestDatabase();
type Handler = Parameters<typeof call>[0];
const b64 = (s: string) => Buffer.from(s).toString("base64url");
const UUID = "00000000-0000-4000-8000-000000000000";

// Cursors a client could forge: not base64 of "<time>|<id>", a bad time, an id the list could never have issued.
const badCursors = [
  "not-a-cursor!!",
  b64("garbage"),
  b64(`nonsense|${UUID}`),
  b64(`2026-01-01T00:00:00.000Z|${UUID}|x`),
  b64("2026-01-01T00:00:00.000Z|bad id;--"),
  "x".repeat(400),
];
const notAUuid = b64("2026-01-01T00:00:00.000Z|evt_not_a_uuid"); // a fine event id, but never a delivery's

describe("every query parameter parser: bad values are 400 with the parameter named, never 500", () => {
  const routes: [string, Handler, Record<string, string>, [string, string][]][] = [
    [
      "GET /webhooks",
      webhooks.GET,
      {},
      [
        ["count", "abc"],
        ["count", "0"],
        ["count", "101"],
        ["offset", "-1"],
        ["offset", "1.5"],
        ["enabled", "yes"],
        ["status", "bogus"],
        ["suspended", "1"],
        ["name", "x".repeat(101)],
        ["name", "a\u0000b"],
      ],
    ],
    [
      "GET /webhooks/{id}/deliveries",
      webhookDeliveries.GET,
      { id: UUID },
      [["status", "bogus"], ["count", "1e9"], ["webhookId", "nope"], ...[...badCursors, notAUuid].map((c) => ["cursor", c] as [string, string])],
    ],
    [
      "GET /diverted-events",
      diverted.GET,
      {},
      [["webhookId", "nope"], ["count", "-3"], ...[...badCursors, notAUuid].map((c) => ["cursor", c] as [string, string])],
    ],
    [
      "GET /events",
      events.GET,
      {},
      [["count", "NaN"], ["type", "x".repeat(201)], ["type", "\u0000"], ...badCursors.map((c) => ["cursor", c] as [string, string])],
    ],
    [
      "GET /events/{id}/deliveries",
      eventDeliveries.GET,
      { id: "evt_1" },
      [["status", "x"], ...[...badCursors, notAUuid].map((c) => ["cursor", c] as [string, string])],
    ],
    [
      "GET /audit-log",
      auditLog.GET,
      {},
      [
        ["from", "yesterday"],
        ["to", "2026-13-45"],
        ["count", "5000"],
        ["format", "xml"],
        ["target", "a\u0000"],
      ],
    ],
    [
      "GET /change-requests",
      changeRequests.GET,
      {},
      [
        ["status", "maybe"],
        ["reviewable", "1"],
        ["webhookId", "nope"],
        ["count", "many"],
      ],
    ],
  ];

  it.each(routes)("%s", async (label, handler, params, bad) => {
    const key = await createTestKey("acme", ["admin"]);
    for (const [name, value] of bad) {
      const req = new Request(`http://127.0.0.1:3000/api/v1/orgs/acme/x?${new URLSearchParams({ [name]: value })}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const direct = await handler(req, { params: Promise.resolve({ org: "acme", ...params }) });
      const body = await direct.json();
      expect([label, name, value.slice(0, 40), direct.status]).toEqual([label, name, value.slice(0, 40), 400]);
      expect(body.errors?.map((e: { path: string }) => e.path)).toContain(name);
    }
  });

  it("a repeated scalar parameter is a 400, not a 500", async () => {
    const key = await createTestKey("acme", ["admin"]);
    const req = new Request("http://127.0.0.1:3000/api/v1/orgs/acme/events?count=1&count=2", { headers: { authorization: `Bearer ${key}` } });
    expect((await events.GET(req, { params: Promise.resolve({ org: "acme" }) })).status).toBe(400);
  });

  it("a cursor the list issued still pages", async () => {
    const key = await createTestKey("acme", ["admin"]);
    const cursor = b64(`2999-01-01T00:00:00.000Z|${UUID}`);
    const req = new Request(`http://127.0.0.1:3000/api/v1/orgs/acme/diverted-events?cursor=${cursor}`, { headers: { authorization: `Bearer ${key}` } });
    expect((await diverted.GET(req, { params: Promise.resolve({ org: "acme" }) })).status).toBe(200);
    const evReq = new Request(`http://127.0.0.1:3000/api/v1/orgs/acme/events?cursor=${b64("2999-01-01T00:00:00.000Z|evt_abc")}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect((await events.GET(evReq, { params: Promise.resolve({ org: "acme" }) })).status).toBe(200);
  });
});

describe("CSRF check on cookie-authenticated changes", () => {
  const req = (origin?: string) =>
    new Request("http://127.0.0.1:3000/api/v1/orgs/acme/webhooks", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", ...(origin !== undefined ? { origin } : {}) },
    });
  it.each(["null", "", "not a url", "http://evil.example.com", "file://"])("Origin %j → 403 forbidden, not a crash", (origin) => {
    const err = (() => {
      try {
        assertSameOrigin(req(origin));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(403);
  });
  it("the same origin passes", () => {
    expect(() => assertSameOrigin(req("http://127.0.0.1:3000"))).not.toThrow();
  });
});
