import { MASK } from "@/lib/schemas/webhooks";
import { originOf } from "@/lib/schemas/credential-binding";
import type { FieldError } from "../errors";

export type SecretHeaderPlan = {
  /** The headers as stored and shown: every secret header's value is ["*****"]. */
  headers: Record<string, string[]>;
  /** Lower-cased names of the secret headers after the change. */
  secretNames: string[];
  /** Secret headers given a new value in this change (lower-cased name -> values): these get sealed. */
  fresh: Record<string, string[]>;
  errors: FieldError[];
};

const lower = (s: string) => s.toLowerCase();
const isMask = (values: string[]) => values.length === 1 && values[0] === MASK;

/**
 * Splits headers into what is stored in clear and what is sealed. `requested` names the secret headers (undefined:
 * keep the current set); a secret header whose value is "*****" keeps its stored value. Pure.
 * A kept secret value is bound to the receiver's origin like the auth credential: moving the URL needs it entered again.
 */
export function planSecretHeaders({
  headers,
  requested,
  wasSecret,
  urlBefore,
  urlAfter,
}: {
  headers: Record<string, string[]>;
  requested: string[] | undefined;
  wasSecret: string[];
  urlBefore?: string;
  urlAfter: string;
}): SecretHeaderPlan {
  const errors: FieldError[] = [];
  const present = new Set(Object.keys(headers).map(lower));
  const wanted = (requested ?? wasSecret).map(lower);
  for (const name of requested ?? [])
    if (!present.has(lower(name))) errors.push({ path: "secretHeaders", message: `${name} is not one of the custom headers.` });
  const secretNames = [...new Set(wanted.filter((n) => present.has(n)))];
  const moved = urlBefore !== undefined && originOf(urlBefore) !== originOf(urlAfter);
  const out: Record<string, string[]> = {};
  const fresh: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(headers)) {
    const secret = secretNames.includes(lower(name));
    const kept = isMask(values);
    const stored = wasSecret.includes(lower(name));
    if (secret && kept && !stored)
      errors.push({ path: `headers.${name}`, message: "***** keeps a stored secret value, and this header has none: enter its value." });
    else if (secret && kept && moved)
      errors.push({ path: `headers.${name}`, message: "The URL now points to a new origin: enter this secret header's value again." });
    else if (!secret && kept && stored) errors.push({ path: `headers.${name}`, message: "Enter the value to stop keeping this header secret." });
    if (secret && !kept) fresh[lower(name)] = values;
    out[name] = secret ? [MASK] : values;
  }
  return { headers: out, secretNames, fresh, errors };
}
