import "server-only";
import { lt } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { setupTokens } from "@/lib/db/schema";
import { randomToken, sha256 } from "@/lib/crypto/tokens";
import { hasAnyAdmin } from "./install-state";

const SETUP_TOKEN_TTL_MS = 24 * 60 * 60_000;

/**
 * At server start of an install with no admin: a fresh one-time setup token, to be printed once. Only its
 * hash is stored. Each start issues its own (several web servers may start at once; any unexpired token
 * works) and every token is deleted when the first admin is created. Null once an admin exists.
 */
export async function issueSetupToken(db: Db, now = new Date()): Promise<string | null> {
  if (await hasAnyAdmin(db)) {
    await db.delete(setupTokens);
    return null;
  }
  await db.delete(setupTokens).where(lt(setupTokens.expiresAt, now));
  const token = randomToken("wcsetup");
  await db.insert(setupTokens).values({ tokenHash: sha256(token), expiresAt: new Date(now.getTime() + SETUP_TOKEN_TTL_MS) });
  return token;
}
