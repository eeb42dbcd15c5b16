import { AppError } from "@/lib/server/errors";

export const MAX_BODY_BYTES = 1024 * 1024;
/** Sign-in and the other next-auth endpoints take a few form fields: 64 KiB is plenty. */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

const tooLarge = (limit: number) =>
  new AppError("too_large", `Bodies are limited to ${limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MiB` : `${limit / 1024} KiB`}.`);

/**
 * The body, read while counting: past `limit` bytes (declared or streamed, chunked included) it stops reading,
 * cancels the stream and throws 413, so an oversized body is never buffered whole.
 */
export async function readBodyLimited(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > limit) {
    await req.body?.cancel().catch(() => {});
    throw tooLarge(limit);
  }
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** JSON bodies up to 1 MiB; anything larger is 413, anything unreadable 400. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const text = Buffer.from(await readBodyLimited(req, MAX_BODY_BYTES)).toString("utf8");
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
