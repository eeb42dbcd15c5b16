import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { invites } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";
import { toInviteView } from "./invite-view";

/** Open invitations (not accepted, revoked or expired), newest first: the Members page lists them as Invited. */
export async function listInvites({ actor }: { actor: Actor }) {
  assertCan(actor, "members.read");
  const db = await getDb();
  const rows = await db
    .select()
    .from(invites)
    .where(and(eq(invites.orgId, actor.orgId), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, sql`now()`)))
    .orderBy(desc(invites.createdAt));
  return rows.map(toInviteView);
}
