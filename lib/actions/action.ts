import "server-only";
import type { z } from "zod";
import { ApiError, type ApiClient } from "@/lib/api-client";
import { apiForSession } from "@/lib/api-client/session";
import { getConsoleContext } from "@/lib/auth/current";
import { AppError, fromZodIssues, type FieldError } from "@/lib/server/errors";

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; status?: number; fieldErrors?: FieldError[] };
type ActionContext = { api: ApiClient; org: string };

/** Every server action: session, zod parse, the typed API client as the user, errors as a typed result. */
export function action<S extends z.ZodType, R>(schema: S, fn: (input: z.infer<S>, ctx: ActionContext) => Promise<R>) {
  return async (raw: z.input<S>): Promise<ActionResult<R>> => {
    const { actor } = await getConsoleContext();
    if (!actor) return { ok: false, error: "You are not a member of any organization.", status: 403 };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, error: "Some fields need attention.", status: 422, fieldErrors: fromZodIssues(parsed.error.issues) };
    try {
      const data = await fn(parsed.data, { api: await apiForSession(actor.orgSlug), org: actor.orgSlug });
      return { ok: true, data };
    } catch (err) {
      if (err instanceof ApiError) return { ok: false, error: err.message, status: err.status, fieldErrors: err.fieldErrors };
      if (err instanceof AppError) return { ok: false, error: err.message, status: err.status, fieldErrors: err.fieldErrors };
      console.error("[action]", err);
      return { ok: false, error: "Something went wrong. Try again." };
    }
  };
}
