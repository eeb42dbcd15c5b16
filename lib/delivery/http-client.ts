import "server-only";
import { Agent, request, type Dispatcher } from "undici";
import { createGuardedConnector, type AllowedCidrs } from "./ssrf";

export type ErrorClass = "timeout" | "dns" | "connect" | "tls" | "blocked_address" | "http_status";

export type SendRequest = {
  url: string;
  method?: "POST" | "GET";
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  timeoutMs?: number;
  /** How much of the response body to keep as text (default 4 KiB). */
  keepBytes?: number;
};

export type SendResult = {
  ok: boolean;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  durationMs: number;
  errorClass?: ErrorClass;
  errorMessage?: string;
};

export type HttpClient = {
  send(req: SendRequest): Promise<SendResult>;
  close(): Promise<void>;
  /** The guarded keep-alive pool, for callers that need undici directly. */
  dispatcher: Dispatcher;
};

const READ_LIMIT = 64 * 1024;
const KEEP_BYTES = 4 * 1024;
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NODATA", "EAI_NONAME"]);
const DEADLINE = "DEADLINE_EXCEEDED";
const TIMEOUT_CODES = new Set([DEADLINE, "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "ETIMEDOUT", "ABORT_ERR"]);
// OpenSSL verification codes as Node reports them (CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …).
const TLS_CODE = /CERT|CRL|SSL|TLS|^EPROTO$|^UNABLE_TO_|^INVALID_CA$|^INVALID_PURPOSE$|^PATH_LENGTH_EXCEEDED$|^HOSTNAME_MISMATCH$/;

type ErrorLike = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown };

/** Codes and names of an error, its cause chain, and an AggregateError's members (happy eyeballs). */
function errorCodes(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== "object" || depth > 3) return [];
  const e = err as ErrorLike;
  const own = [e.code, e.name].filter((value): value is string => typeof value === "string");
  const inner = [e.cause, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  return [...own, ...inner.flatMap((nested) => errorCodes(nested, depth + 1))];
}

export function classifyError(err: unknown): Exclude<ErrorClass, "http_status"> {
  const codes = errorCodes(err);
  if (codes.includes("BLOCKED_ADDRESS")) return "blocked_address";
  if (codes.some((code) => TIMEOUT_CODES.has(code) || code === "TimeoutError")) return "timeout";
  if (codes.some((code) => DNS_CODES.has(code))) return "dns";
  if (codes.some((code) => TLS_CODE.test(code))) return "tls";
  return "connect";
}

function describeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const [code] = errorCodes(err).filter((code) => code !== "Error" && code !== "AggregateError");
  return [code, message].filter(Boolean).join(": ").slice(0, 500);
}

function flattenHeaders(headers: Dispatcher.ResponseData["headers"]): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

/** Reads at most READ_LIMIT bytes (a short body lets the connection be reused), keeps the first keepBytes. */
async function readCapped(body: Dispatcher.ResponseData["body"], keepBytes: number): Promise<string> {
  const kept: Buffer[] = [];
  let keptLength = 0;
  let read = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    read += chunk.length;
    if (keptLength < keepBytes) {
      const part = chunk.subarray(0, keepBytes - keptLength);
      kept.push(part);
      keptLength += part.length;
    }
    if (read >= Math.max(READ_LIMIT, keepBytes)) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(kept).toString("utf8");
}

export function createHttpClient({
  allowedCidrs = [],
  connections = 64,
  timeoutMs = 15_000,
}: { allowedCidrs?: AllowedCidrs; connections?: number; timeoutMs?: number } = {}): HttpClient {
  // No redirect interceptor is composed, so undici never follows a 3xx.
  const dispatcher = new Agent({
    connections,
    pipelining: 1,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: createGuardedConnector({ allowedCidrs, timeoutMs: Math.min(timeoutMs, 10_000) }),
  });

  async function send(req: SendRequest): Promise<SendResult> {
    const { url, method = "POST", headers, body, timeoutMs: timeout = timeoutMs, keepBytes = KEEP_BYTES } = req;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let res: Dispatcher.ResponseData;
    try {
      res = await request(url, { dispatcher, method, headers, body, headersTimeout: timeout, bodyTimeout: timeout });
    } catch (err) {
      return { ok: false, durationMs: elapsed(), errorClass: classifyError(err), errorMessage: describeError(err) };
    }
    const status = res.statusCode;
    const responseHeaders = flattenHeaders(res.headers);
    // bodyTimeout only bounds idle gaps; a receiver trickling bytes must still finish within the deadline.
    // A plain timer, because AbortSignal.timeout costs ~25 µs a request.
    const deadlineExceeded = () => Object.assign(new Error(`no complete answer within ${timeout} ms`), { code: DEADLINE });
    const remaining = Math.max(0, started + timeout - performance.now());
    const timer = setTimeout(() => res.body.destroy(deadlineExceeded()), remaining);
    try {
      const text = await readCapped(res.body, keepBytes);
      if (performance.now() - started > timeout) throw deadlineExceeded();
      const ok = status >= 200 && status < 300;
      const failure = ok ? {} : { errorClass: "http_status" as const, errorMessage: `receiver answered HTTP ${status}` };
      return { ok, status, headers: responseHeaders, body: text, durationMs: elapsed(), ...failure };
    } catch (err) {
      const failure = { errorClass: classifyError(err), errorMessage: describeError(err) };
      return { ok: false, status, headers: responseHeaders, durationMs: elapsed(), ...failure };
    } finally {
      clearTimeout(timer);
    }
  }

  return { send, close: () => dispatcher.close(), dispatcher };
}
