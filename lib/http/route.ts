import "server-only";
import type { z } from "zod";
import { AppError, fromZodIssues, StaleGrantError } from "@/lib/server/errors";
import { forgetCachedKey } from "@/lib/server/identity/key-cache";
import type { Actor, Permission } from "@/lib/server/authz";
import { assertCan, can } from "@/lib/server/authz";
import { recordAudit } from "@/lib/server/audit/record-audit";
import { actorFor, assertSameOrigin, identify } from "./identity";
import { databaseUnavailableResponse, internalErrorResponse, problemResponse } from "./problem";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { noteDatabaseError } from "@/lib/db/reachability";
import { readJsonBody } from "./read-body";

type RouteContext = { params: Promise<Record<string, string>> };
type Handler<B, Q> = (ctx: { actor: Actor; body: B; query: Q; params: Record<string, string>; req: Request }) => Promise<unknown>;

type Options<BS extends z.ZodType | undefined, QS extends z.ZodType | undefined> = {
  /** Checked here AND in the service: routes declare what they need. */
  permission: Permission;
  body?: BS;
  query?: QS;
  /** Status for a plain (non-Response) result; default 200. */
  status?: number;
  /**
   * The handler's write re-checks the API key it acts for (publishing: insert-events.ts), so the key's actor may
   * come from a short-lived cache (key-cache.ts); when the write finds it stale, the key is read afresh and the
   * handler runs once more.
   */
  keyCheckedByWrite?: boolean;
};

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

/** One wrapper for every org-scoped route: identity, CSRF, org, permission, parsing, AppError → problem+json. */
export function orgRoute<BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  options: Options<BS, QS>,
  handler: Handler<Infer<BS>, Infer<QS>>,
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    let actor: Actor | undefined;
    try {
      const params = await context.params;
      const identity = await identify(req);
      if (identity.via === "session" && !["GET", "HEAD"].includes(req.method)) assertSameOrigin(req);
      // A cached key (keyCheckedByWrite) is read afresh whenever the cache could be wrong: before a refusal (its
      // creator may have been promoted since), and when the write finds its roles changed (StaleGrantError).
      const fresh = () => {
        if (identity.via === "api_key") forgetCachedKey(identity.key, params.org);
        return actorFor(identity, params.org);
      };
      actor = await actorFor(identity, params.org, { cached: options.keyCheckedByWrite });
      if (options.keyCheckedByWrite && !can(actor, options.permission)) actor = await fresh();
      assertCan(actor, options.permission);
      const query = options.query ? parseQuery(options.query, searchParamsObject(new URL(req.url).searchParams)) : undefined;
      const body = options.body ? parse(options.body, await readJsonBody(req)) : undefined;
      const run = (a: Actor) => handler({ actor: a, body: body as Infer<BS>, query: query as Infer<QS>, params, req });
      let result: unknown;
      try {
        result = await run(actor);
      } catch (err) {
        if (!(err instanceof StaleGrantError)) throw err;
        actor = await fresh();
        assertCan(actor, options.permission);
        result = await run(actor);
      }
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: options.status ?? 200, headers: { "cache-control": "no-store" } });
    } catch (err) {
      // Changed again between the fresh read and the retried write: rare, and safe to send again.
      if (err instanceof StaleGrantError) err = new AppError("conflict", "This API key's access changed while the request ran; send it again.");
      if (err instanceof AppError) {
        if (err.code === "forbidden" && actor) await auditDenied(actor, req, err);
        return problemResponse(err);
      }
      if (isDatabaseUnavailable(err)) {
        noteDatabaseError(err); // pages answer 503 too until it is back (proxy.ts)
        return databaseUnavailableResponse();
      }
      console.error("[api]", req.method, new URL(req.url).pathname, err);
      return internalErrorResponse();
    }
  };
}

/** Repeated keys (?eventTypes=a&eventTypes=b) become arrays. */
function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** A query string the schema refuses is a bad request (400) with the parameter named, like a body's field errors. */
function parseQuery<S extends z.ZodType>(schema: S, value: Record<string, string | string[]>): z.infer<S> {
  // PostgreSQL text cannot hold NUL: refuse it here rather than as a database error.
  const nul = Object.entries(value).filter(([, v]) => [v].flat().some((s) => s.includes("\u0000")));
  if (nul.length)
    throw new AppError(
      "bad_request",
      "Query parameters may not contain NUL characters.",
      nul.map(([path]) => ({ path, message: "Contains a NUL character." })),
    );
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("bad_request", "Some query parameters are not valid.", fromZodIssues(result.error.issues));
  return result.data;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("invalid", "Some fields need attention.", fromZodIssues(result.error.issues));
  return result.data;
}

async function auditDenied(actor: Actor, req: Request, err: AppError) {
  const path = new URL(req.url).pathname;
  await recordAudit({
    actor,
    orgId: actor.orgId,
    action: "permission.denied",
    target: { type: "endpoint", label: `${req.method} ${path}` },
    summary: { detail: err.message },
  }).catch(() => {});
}
