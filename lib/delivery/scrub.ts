import "server-only";

export const SCRUBBED = "*****";

// Shorter values would match by accident in ordinary text (and no credential we accept is that short).
const MIN_SECRET_LENGTH = 6;
const MIN_BASE64_FORM = 8;

const formUrlEncode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
const toBase64Url = (b64: string) => b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/**
 * The base64 characters that encode `bytes` wherever they sit in a longer base64 string (inside `Basic id:secret`,
 * a JWT, a JSON blob): for each of the three alignments, only the characters determined by `bytes` alone.
 */
function base64Fragments(bytes: Buffer): string[] {
  const out: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift), bytes])
      .toString("base64")
      .replace(/=+$/, "");
    const total = shift + bytes.length;
    const start = [0, 2, 3][shift];
    const end = Math.floor(total / 3) * 4 + (total % 3);
    const fragment = b64.slice(start, end);
    if (fragment.length >= MIN_BASE64_FORM) out.push(fragment, toBase64Url(fragment));
  }
  return out;
}

const formsCache = new Map<string, string[]>();

/** Every spelling of a credential a receiver might echo: raw, URL-encoded, form-encoded, base64(url) of each. */
export function credentialForms(secret: string): string[] {
  const cached = formsCache.get(secret);
  if (cached) return cached;
  const textual = [...new Set([secret, encodeURIComponent(secret), formUrlEncode(secret)])];
  const whole = textual.flatMap((t) => [Buffer.from(t, "utf8").toString("base64"), Buffer.from(t, "utf8").toString("base64url")]);
  const forms = [...new Set([...textual, ...whole, ...textual.flatMap((t) => base64Fragments(Buffer.from(t, "utf8")))])]
    // Longest first: a shorter form inside a longer one must not leave the longer one's remainder behind.
    .sort((a, b) => b.length - a.length);
  if (formsCache.size > 10_000) formsCache.clear();
  formsCache.set(secret, forms);
  return forms;
}

/** Replaces every form of every secret in `text` with *****. Secrets shorter than 6 characters are ignored. */
export function scrubText(text: string, secrets: readonly (string | undefined | null)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of credentialForms(secret)) if (out.includes(form)) out = out.split(form).join(SCRUBBED);
  }
  return out;
}

/** The header map with every value scrubbed. */
export function scrubHeaders(headers: Record<string, string>, secrets: readonly (string | undefined | null)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = scrubText(value, secrets);
  return out;
}

type Scrubbable = { body?: string | null; headers?: Record<string, string>; errorMessage?: string | null };

/** What an attempt stores from a receiver (body, headers, error message), with the credentials it was sent removed. */
export function scrubResult<R extends Scrubbable>(result: R, secrets: readonly (string | undefined | null)[]): R {
  if (!secrets.some((s) => s && s.length >= MIN_SECRET_LENGTH)) return result;
  return {
    ...result,
    ...(result.body ? { body: scrubText(result.body, secrets) } : {}),
    ...(result.headers ? { headers: scrubHeaders(result.headers, secrets) } : {}),
    ...(result.errorMessage ? { errorMessage: scrubText(result.errorMessage, secrets) } : {}),
  };
}
