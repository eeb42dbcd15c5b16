import { NextRequest } from "next/server";
import { AppError } from "@/lib/server/errors";
import { problemResponse } from "./problem";
import { readBodyLimited } from "./read-body";

type Handler<C> = (req: NextRequest, ctx: C) => Promise<Response>;

/**
 * For handlers that read their own body (next-auth's): the body is read first, counting, and past `limit` bytes the
 * request ends with 413 before the handler (or anything that buffers) sees it. The handler gets an equal request.
 */
export function withBodyLimit<C>(handler: Handler<C>, limit: number): Handler<C> {
  return async (req, ctx) => {
    let body: Uint8Array;
    try {
      body = await readBodyLimited(req, limit);
    } catch (err) {
      if (err instanceof AppError) return problemResponse(err);
      throw err;
    }
    return handler(new NextRequest(req.url, { method: req.method, headers: req.headers, body: body.byteLength ? Buffer.from(body) : undefined }), ctx);
  };
}
