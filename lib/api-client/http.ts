import type { z } from "zod";
import type { FieldError } from "@/lib/server/errors";

export type ClientOptions = { baseUrl: string; org: string; headers: Record<string, string> };

/** A problem+json answer from the API, carried to the caller with its field errors. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

export type Requester = <T extends z.ZodType | undefined>(
  method: string,
  path: string,
  options?: { body?: unknown; query?: Record<string, unknown>; schema?: T },
) => Promise<T extends z.ZodType ? z.infer<T> : undefined>;

export function requester(opts: ClientOptions): Requester {
  return async (method, path, { body, query, schema } = {}) => {
    const url = new URL(`/api/v1/orgs/${encodeURIComponent(opts.org)}${path}`, opts.baseUrl);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined || v === null || v === "") continue;
      for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, String(item));
    }
    const res = await fetch(url, {
      method,
      headers: { ...opts.headers, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      cache: "no-store",
    });
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({}))) as { detail?: string; title?: string; errors?: FieldError[] };
      throw new ApiError(res.status, problem.detail ?? problem.title ?? `Request failed (${res.status})`, problem.errors ?? []);
    }
    if (res.status === 204 || !schema) return undefined as never;
    return schema.parse(await res.json()) as never;
  };
}
