import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { apiKeys, organizations } from "@/lib/db/schema";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import type { Role } from "@/lib/server/authz";

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A real API key for tests, inserted the way the CLI does. */
export async function createTestKey(org: string, roles: Role[], name = `test-${roles.join("-")}`) {
  const db = await getDb();
  const [o] = await db.select().from(organizations).where(eq(organizations.slug, org));
  const key = randomToken("wck");
  await db.insert(apiKeys).values({ orgId: o.id, name, roles, keyHash: sha256(key), prefix: key.slice(0, 8), createdBy: "test" });
  return key;
}

/** Calls a route handler with a real Request, as Next would. */
export async function call(
  handler: RouteHandler,
  {
    method = "GET",
    path = "/",
    params,
    key,
    body,
    headers = {},
  }: { method?: string; path?: string; params: Record<string, string>; key?: string; body?: unknown; headers?: Record<string, string> },
) {
  const req = new Request(`http://127.0.0.1:3000/api/v1/orgs/${params.org}${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON response body that tests read field by field
  let json: any = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {}
  return { status: res.status, headers: res.headers, text, json };
}
