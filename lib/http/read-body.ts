import { AppError } from "@/lib/server/errors";

export const MAX_BODY_BYTES = 1024 * 1024;

/** JSON bodies up to 1 MiB; anything larger is 413, anything unreadable 400. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("too_large", "Bodies are limited to 1 MiB.");
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError("too_large", "Bodies are limited to 1 MiB.");
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
