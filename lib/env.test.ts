import { describe, expect, it } from "vitest";

const load = async (vars: Record<string, string | undefined>) => {
  const saved = { ...process.env };
  Object.assign(process.env, vars);
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  (globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
  try {
    const { env } = await import("./env");
    return env();
  } finally {
    process.env = saved;
    (globalThis as { __wcEnv?: unknown }).__wcEnv = undefined;
  }
};

describe("configuration", () => {
  it("names what is missing in PostgreSQL mode", async () => {
    await expect(load({ DATABASE_URL: "postgres://x@127.0.0.1/db", AUTH_SECRET: undefined, ENCRYPTION_KEY: undefined })).rejects.toThrow(
      "Missing required settings with DATABASE_URL: AUTH_SECRET, ENCRYPTION_KEY",
    );
  });

  it("explains a malformed value", async () => {
    await expect(load({ ENCRYPTION_KEY: "short" })).rejects.toThrow("ENCRYPTION_KEY must be 32 bytes");
  });

  it("parses the allowed CIDR list", async () => {
    const e = await load({ ALLOWED_TARGET_CIDRS: "127.0.0.0/8, ::1/128" });
    expect(e.allowedCidrs).toEqual(["127.0.0.0/8", "::1/128"]);
  });
});
