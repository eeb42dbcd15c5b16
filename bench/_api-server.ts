// The console's real API route handlers behind a plain node:http server (no `next build` needed for the delivery
// benchmark): HTTP parsing, bearer-key identity, validation and the service layer are all the real ones; only Next's
// router and its page rendering are left out.
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as health from "@/app/api/v1/health/route";
import * as events from "@/app/api/v1/orgs/[org]/events/route";
import * as batch from "@/app/api/v1/orgs/[org]/events/batch/route";
import * as hooks from "@/app/api/v1/orgs/[org]/webhooks/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: [method: string, pattern: RegExp, handler: Handler][] = [
  ["GET", /^\/api\/v1\/health$/, (req) => health.GET(req)],
  ["POST", /^\/api\/v1\/orgs\/(?<org>[^/]+)\/events$/, events.POST],
  ["POST", /^\/api\/v1\/orgs\/(?<org>[^/]+)\/events\/batch$/, batch.POST],
  ["GET", /^\/api\/v1\/orgs\/(?<org>[^/]+)\/webhooks$/, hooks.GET],
];

export async function startApiServer(port = 0) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url!, "http://127.0.0.1");
    const route = routes.find(([m, p]) => m === req.method && p.test(url.pathname));
    if (!route) return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const params = { ...(route[1].exec(url.pathname)!.groups ?? {}) };
    const response = await route[2](request, { params: Promise.resolve(params) });
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "application/json", "content-length": body.length }).end(body);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
