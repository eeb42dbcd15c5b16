// The API routes the delivery benchmark calls, behind lib/testing/api-server.ts's plain node:http server (no
// `next build` needed): HTTP parsing, bearer-key identity, validation and the service layer are the real ones;
// only Next's router and its page rendering are left out.
import { startApiServer as serve, type Route } from "@/lib/testing/api-server";
import * as health from "@/app/api/v1/health/route";
import * as events from "@/app/api/v1/orgs/[org]/events/route";
import * as batch from "@/app/api/v1/orgs/[org]/events/batch/route";
import * as hooks from "@/app/api/v1/orgs/[org]/webhooks/route";

const routes: Route[] = [
  { method: "GET", pattern: /^\/api\/v1\/health$/, handler: (req) => health.GET(req) },
  { method: "POST", pattern: /^\/api\/v1\/orgs\/(?<org>[^/]+)\/events$/, handler: events.POST },
  { method: "POST", pattern: /^\/api\/v1\/orgs\/(?<org>[^/]+)\/events\/batch$/, handler: batch.POST },
  { method: "GET", pattern: /^\/api\/v1\/orgs\/(?<org>[^/]+)\/webhooks$/, handler: hooks.GET },
];

export const startApiServer = () => serve(routes);
