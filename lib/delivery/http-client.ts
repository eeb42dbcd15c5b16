import "server-only";
import { Agent, type Dispatcher } from "undici";
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

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
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

  /**
   * One exchange through undici's dispatch handler: the answer's bytes arrive as callbacks, with no response stream
   * or async iterator in between (request() and its body stream cost ~40 % more CPU a delivery, docs/performance.md
   * §9). Reads at most READ_LIMIT bytes (a short body lets the connection be reused) and keeps the first keepBytes.
   */
  function send(req: SendRequest): Promise<SendResult> {
    const { url, method = "POST", headers, body, timeoutMs: timeout = timeoutMs, keepBytes = KEEP_BYTES } = req;
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let target: URL;
    try {
      target = new URL(url);
    } catch (err) {
      return Promise.resolve({ ok: false, durationMs: 0, errorClass: classifyError(err), errorMessage: describeError(err) });
    }
    return new Promise<SendResult>((resolve) => {
      let settled = false;
      let status: number | undefined;
      let responseHeaders: Record<string, string> | undefined;
      let timer: NodeJS.Timeout | undefined;
      const kept: Buffer[] = [];
      let keptLength = 0;
      let read = 0;
      const finish = (result: Omit<SendResult, "durationMs">) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...result, durationMs: elapsed() });
      };
      const fail = (err: unknown) =>
        finish({
          ok: false,
          ...(status === undefined ? {} : { status, headers: responseHeaders }),
          errorClass: classifyError(err),
          errorMessage: describeError(err),
        });
      const answered = () => {
        const ok = status! >= 200 && status! < 300;
        const failure = ok ? {} : { errorClass: "http_status" as const, errorMessage: `receiver answered HTTP ${status}` };
        finish({ ok, status, headers: responseHeaders, body: Buffer.concat(kept).toString("utf8"), ...failure });
      };
      const deadlineExceeded = () => Object.assign(new Error(`no complete answer within ${timeout} ms`), { code: DEADLINE });
      dispatcher.dispatch(
        { origin: target.origin, path: target.pathname + target.search, method, headers, body, headersTimeout: timeout, bodyTimeout: timeout },
        {
          onRequestStart() {},
          onResponseStart(controller, statusCode, raw) {
            if (statusCode < 200) return; // 1xx informational: the answer is still to come
            status = statusCode;
            responseHeaders = flattenHeaders(raw);
            // bodyTimeout only bounds idle gaps; a receiver trickling bytes must still finish within the deadline.
            // A plain timer, because AbortSignal.timeout costs ~25 µs a request.
            timer = setTimeout(() => controller.abort(deadlineExceeded()), Math.max(0, started + timeout - performance.now()));
          },
          onResponseData(controller, chunk) {
            read += chunk.length;
            if (keptLength < keepBytes) {
              const part = chunk.subarray(0, keepBytes - keptLength);
              kept.push(part);
              keptLength += part.length;
            }
            if (read >= Math.max(READ_LIMIT, keepBytes)) {
              answered(); // enough read: the rest is not waited for, and the connection is not reused
              controller.abort(new Error("answer longer than the read limit"));
            }
          },
          onResponseEnd() {
            if (performance.now() - started > timeout) fail(deadlineExceeded());
            else answered();
          },
          onResponseError(_controller, err) {
            fail(err);
          },
        },
      );
    });
  }

  return { send, close: () => dispatcher.close(), dispatcher };
}
