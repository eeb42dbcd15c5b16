import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/lib/db/client";
import { invites } from "@/lib/db/schema";
import type { ChangeRequestRow } from "./view";

/** An invite whose approval request ends without approval can never be accepted. */
export async function revokeUnapprovedInvite(tx: Tx, request: ChangeRequestRow) {
  if (request.targetKind !== "invite" || !request.targetId) return;
  await tx
    .update(invites)
    .set({ revokedAt: new Date() })
    .where(and(eq(invites.id, request.targetId), eq(invites.orgId, request.orgId), isNull(invites.acceptedAt), isNull(invites.revokedAt)));
}
