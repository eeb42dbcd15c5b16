import "server-only";
import dns from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { buildConnector } from "undici";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
export type AllowedCidrs = ReadonlyArray<[Address, number]>;
export type TargetProblem = { path?: string; message: string };

const MAX_URL_LENGTH = 2048;
const GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

/** Parses ALLOWED_TARGET_CIDRS ("127.0.0.0/8, ::1/128"); a bare address counts as a single host. */
export function parseAllowedCidrs(value: string | undefined): AllowedCidrs {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry): [Address, number] => {
      if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry);
      if (isIP(entry)) {
        const address = ipaddr.parse(entry);
        return [address, address.kind() === "ipv4" ? 32 : 128];
      }
      throw new Error(`ALLOWED_TARGET_CIDRS: "${entry}" is not a CIDR range`);
    });
}

function isAllowed(address: Address, allowedCidrs: AllowedCidrs): boolean {
  return allowedCidrs.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

function ipv4(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** IPv4 addresses a v6 address carries (mapped, translated, compatible, NAT64, 6to4). */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4[] {
  const parts = address.parts;
  switch (address.range()) {
    case "ipv4Mapped":
    case "rfc6145":
    case "rfc6052":
      return [ipv4(parts[6], parts[7])];
    case "6to4":
      return [ipv4(parts[1], parts[2])];
    case "unicast":
      return parts.slice(0, 6).every((part) => part === 0) ? [ipv4(parts[6], parts[7])] : [];
    default:
      return [];
  }
}

/**
 * True unless the address is public unicast (or inside allowedCidrs). Anything ipaddr.js
 * names a special range is refused, Teredo included: its client address is tunnelled.
 */
export function isBlockedAddress(ip: string, allowedCidrs: AllowedCidrs = []): boolean {
  if (!ipaddr.isValid(ip)) return true;
  const address = ipaddr.parse(ip);
  if (isAllowed(address, allowedCidrs)) return false;
  if (address.kind() === "ipv4") return address.range() !== "unicast";
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded.length > 0) {
    return embedded.some((v4) => !isAllowed(v4, allowedCidrs) && v4.range() !== "unicast");
  }
  return v6.range() !== "unicast" || !v6.match(GLOBAL_UNICAST);
}

/** The IP a URL host denotes, normalised as WHATWG URL parsing does (`127.1`, `2130706433`, `0x7f.1`); null for names. */
export function parseHostLiteral(host: string): string | null {
  const bracketed = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  let hostname: string;
  try {
    hostname = new URL(`http://${bracketed}/`).hostname;
  } catch {
    return null;
  }
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

function isLocalhostName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, "");
  return name === "localhost" || name.endsWith(".localhost");
}

/** Save-time checks of a target URL (webhook or OAuth token URL); DNS is resolved only at connect time. */
export function checkTargetUrl(
  value: string,
  { allowHttp = false, allowedCidrs = [], path }: { allowHttp?: boolean; allowedCidrs?: AllowedCidrs; path?: string } = {},
): TargetProblem[] {
  const problems: TargetProblem[] = [];
  const problem = (message: string) => problems.push(path === undefined ? { message } : { path, message });
  if (value.length > MAX_URL_LENGTH) problem(`URL must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problem("Must be an absolute URL");
    return problems;
  }
  if (url.protocol === "http:") {
    if (!allowHttp) problem("URL must use https:// (http:// needs ALLOW_HTTP_TARGETS=true)");
  } else if (url.protocol !== "https:") {
    problem("URL must use https://");
  }
  if (url.username || url.password) problem("URL must not contain a user name or password");
  const [beforeHash] = url.href.split("#");
  if (beforeHash.includes("?")) problem("URL must not have a query string");
  if (url.href.includes("#")) problem("URL must not have a fragment");
  const ip = parseHostLiteral(url.hostname);
  if (ip !== null && isBlockedAddress(ip, allowedCidrs)) {
    problem("URL host is a private, loopback or reserved address");
  } else if (ip === null && isLocalhostName(url.hostname)) {
    problem("URL host must not be localhost");
  }
  return problems;
}

export class BlockedAddressError extends Error {
  readonly code = "BLOCKED_ADDRESS";
  // The message is stored in attempts that viewers read: it names the host they configured, never the internal
  // address it resolved to (that would map the private network for them). `address` stays for the server's log.
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`refused to connect to ${host}: blocked address`);
    this.name = "BlockedAddressError";
  }
}

/**
 * A `lookup` for net/tls.connect: resolves every address, refuses the host if ANY is
 * blocked, and hands back exactly the vetted addresses so the socket connects to them.
 */
export function createGuardedLookup({
  allowedCidrs = [],
  resolve = dns.lookup,
}: { allowedCidrs?: AllowedCidrs; resolve?: typeof dns.lookup } = {}): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { family: options.family, hints: options.hints, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const blocked = addresses.find(({ address }) => isBlockedAddress(address, allowedCidrs));
      if (blocked) return callback(new BlockedAddressError(hostname, blocked.address), []);
      if (addresses.length === 0) {
        return callback(Object.assign(new Error(`no address for ${hostname}`), { code: "ENOTFOUND" }), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * An undici connector that vets IP literals itself (net.connect skips `lookup` for them)
 * and resolves names through the guarded lookup.
 */
export function createGuardedConnector({
  allowedCidrs = [],
  timeoutMs = 10_000,
}: { allowedCidrs?: AllowedCidrs; timeoutMs?: number } = {}): buildConnector.connector {
  const connect = buildConnector({ lookup: createGuardedLookup({ allowedCidrs }), timeout: timeoutMs });
  return (options, callback) => {
    const literal = parseHostLiteral(options.hostname);
    if (literal !== null && isBlockedAddress(literal, allowedCidrs)) {
      return callback(new BlockedAddressError(options.hostname, literal), null);
    }
    return connect(options, callback);
  };
}
