import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { setupTokens } from "@/lib/db/schema";
import { sha256 } from "@/lib/crypto/tokens";
import { setupSchema, slugFromName } from "@/lib/schemas/setup";
import { AppError, fromZodIssues, invalid } from "@/lib/server/errors";
import { addOrgAdmin } from "./add-org-admin";
import { hasAnyAdmin } from "./install-state";

/** Serialises setups: two token holders racing must not both become "the first admin". */
const SETUP_LOCK = 727275;

/** The /setup step: the setup token from the server log buys the first organization and its first admin. */
export async function completeSetup(raw: unknown) {
  const parsed = setupSchema.safeParse(raw);
  if (!parsed.success) throw invalid(fromZodIssues(parsed.error.issues));
  const input = parsed.data;
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if (await hasAnyAdmin(tx)) throw new AppError("conflict", "This console is already set up. Sign in instead.");
    const [token] = await tx
      .select({ hash: setupTokens.tokenHash })
      .from(setupTokens)
      .where(and(eq(setupTokens.tokenHash, sha256(input.token)), gt(setupTokens.expiresAt, new Date())));
    if (!token) throw invalid([{ path: "token", message: "This setup token is not valid. Use the one the server printed at its last start." }]);
    return addOrgAdmin(
      tx,
      { orgSlug: slugFromName(input.orgName), orgName: input.orgName, email: input.email, name: input.name, password: input.password },
      "setup",
    );
  });
}
