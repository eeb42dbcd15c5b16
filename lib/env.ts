import "server-only";
import { z } from "zod";
import { ensureLocalSecrets } from "./env/local-secrets";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./.data"),
  // Embedded mode: PGlite runs in its own worker thread ("on"), or on the server's thread ("off"; the old behaviour).
  PGLITE_THREAD: z.enum(["on", "off"]).default("on"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "ENCRYPTION_KEY must be 32 bytes, base64 (openssl rand -base64 32)")
    .optional(),
  BACKEND_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().default(3000),
  WORKER: z.enum(["embedded", "off"]).default("embedded"),
  ALLOWED_TARGET_CIDRS: z.string().default(""),
  ALLOW_HTTP_TARGETS: bool,
  EVENT_SOURCE: z.string().default("com.webhook-console"),
  // How long a worker's claim on a delivery lasts before another worker takes it over (tests shorten it).
  DELIVERY_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_NAME: z.string().default("Single sign-on"),
  // The demo: seeded organizations and accounts with a known password, shown on the login page.
  DEMO: bool,
  // next-auth trusts the Host header only when told to (behind a proxy that sets it); else AUTH_URL.
  AUTH_TRUST_HOST: bool,
  AUTH_URL: z.string().url().optional(),
  // How many reverse proxies in front of the console append to X-Forwarded-For (0: the socket address).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Bearer token for GET /api/v1/metrics; unset → the endpoint answers 404. */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  // Alert e-mail (optional): smtp://user:pass@host:587 or smtps://…; without it alerts are in-app and webhooks only.
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Webhook Console <alerts@localhost>"),
});

export type Env = z.infer<typeof envSchema> & {
  AUTH_SECRET: string;
  ENCRYPTION_KEY: string;
  allowedCidrs: string[];
  embedded: boolean;
};

const g = globalThis as unknown as { __wcEnv?: Env };

/** Validated configuration. The embedded default generates its secrets into DATA_DIR. */
export function env(): Env {
  if (g.__wcEnv) return g.__wcEnv;
  // An empty variable means unset (`DATABASE_URL= npm start` is how people turn a setting off).
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  let { AUTH_SECRET, ENCRYPTION_KEY } = e;
  if (!AUTH_SECRET || !ENCRYPTION_KEY) {
    if (!embedded) {
      const missing = [!AUTH_SECRET && "AUTH_SECRET", !ENCRYPTION_KEY && "ENCRYPTION_KEY"].filter(Boolean);
      throw new Error(`Missing required settings with DATABASE_URL: ${missing.join(", ")} (see .env.example)`);
    }
    const local = ensureLocalSecrets(e.DATA_DIR);
    AUTH_SECRET ??= local.AUTH_SECRET;
    ENCRYPTION_KEY ??= local.ENCRYPTION_KEY;
    process.env.AUTH_SECRET ??= AUTH_SECRET;
  }
  const allowedCidrs = e.ALLOWED_TARGET_CIDRS.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  g.__wcEnv = { ...e, AUTH_SECRET, ENCRYPTION_KEY, allowedCidrs, embedded };
  return g.__wcEnv;
}
