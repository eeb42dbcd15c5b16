import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt) as (pw: string, salt: Buffer, len: number, opts: crypto.ScryptOptions) => Promise<Buffer>;

/** OWASP's scrypt minimum: N = 2^17, r = 8, p = 1 (128 MiB per hash). */
export const PRODUCTION_LOG_N = 17;
/**
 * The demo's cost. Its accounts' password is public, so a strong hash protects nothing there, while the
 * end-to-end suite signs in to it hundreds of times. Turning DEMO off upgrades every hash at next sign-in.
 */
export const DEMO_LOG_N = 12;
const R = 8;
const P = 1;
const MAX_LOG_N = 20;
/** At most this many hashes at once: each takes 128 MiB, and sign-in is open to anyone. */
const MAX_CONCURRENT = 4;

/**
 * The cost in use. Tests may lower it with TEST_PASSWORD_HASH_LOG_N (vitest sets it); a production
 * process refuses that setting, so a deployment cannot run with weak hashes by accident.
 */
export function passwordHashLogN(): number {
  const raw = process.env.TEST_PASSWORD_HASH_LOG_N;
  if (!raw) return ["true", "1"].includes(process.env.DEMO ?? "") ? DEMO_LOG_N : PRODUCTION_LOG_N;
  if (process.env.NODE_ENV === "production") throw new Error("TEST_PASSWORD_HASH_LOG_N is for tests only and is refused when NODE_ENV=production");
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 10 || n > MAX_LOG_N) throw new Error("TEST_PASSWORD_HASH_LOG_N must be an integer from 10 to 20");
  return n;
}

let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, length: number, N: number) {
  // maxmem must exceed 128·N·r bytes; Node's 32 MiB default only allows N ≤ 2^14.
  return limited(() => scrypt(password, salt, length, { N, r: R, p: P, maxmem: 256 * N * R }));
}

/** Format: scrypt$N$r$p$salt$hash (the older scrypt$N$salt$hash, r = 8, p = 1, is still read). */
export async function hashPassword(password: string): Promise<string> {
  const N = 2 ** passwordHashLogN();
  const salt = crypto.randomBytes(16);
  const hash = await derive(password, salt, 32, N);
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

function parse(stored: string) {
  const parts = stored.split("$");
  if (parts[0] !== "scrypt") return null;
  const [n, r, p, salt, hash] = parts.length === 4 ? [parts[1], "8", "1", parts[2], parts[3]] : parts.slice(1);
  const N = Number(n);
  if (!salt || !hash || Number(r) !== R || Number(p) !== P || !Number.isInteger(Math.log2(N)) || N < 2 ** 10 || N > 2 ** MAX_LOG_N) return null;
  return { N, salt: Buffer.from(salt, "base64"), hash: Buffer.from(hash, "base64") };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.hash.length, parsed.N);
  return crypto.timingSafeEqual(actual, parsed.hash);
}

/** True when a stored hash is weaker than (or formatted unlike) what hashPassword writes today. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.N < 2 ** passwordHashLogN() || stored.split("$").length !== 6;
}

/** A password for invited users, shown to the inviting admin once. */
export function generatePassword(): string {
  return crypto.randomBytes(12).toString("base64url");
}
