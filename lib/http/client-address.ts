import http from "node:http";

/**
 * The header that carries the TCP peer's address to the app. Next.js only fills `X-Forwarded-For`
 * with the socket address when the client did not send one (`??=`), so a client could name any
 * address it likes; this header is overwritten on every request by the server itself.
 */
export const PEER_ADDRESS_HEADER = "x-wc-peer-address";

const g = globalThis as unknown as { __wcPeerHook?: boolean };

/** Installed once at server start (instrumentation): stamps each request with its socket address. */
export function installPeerAddressHeader() {
  if (g.__wcPeerHook) return;
  g.__wcPeerHook = true;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the original is kept to be called with .call(this) by the patch below
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "unknown";
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}

function normalise(address: string): string {
  const a = address.trim().replace(/^\[|\]$/g, "");
  // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d.
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a) ? a.slice(7) : a.toLowerCase();
}

/**
 * The client's address. With `hops` trusted proxies in front, each appends the address it saw to
 * X-Forwarded-For, so the client is the entry `hops` from the right; anything left of it was written by
 * the client and is ignored. With no proxies (the default) X-Forwarded-For is not believed at all.
 */
export function clientAddress(headers: Headers, hops: number): string {
  if (hops > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (chain.length > 0) return normalise(chain[Math.max(0, chain.length - hops)]);
  }
  return normalise(headers.get(PEER_ADDRESS_HEADER) ?? "unknown");
}
