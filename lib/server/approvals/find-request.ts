import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db/client";
import { changeRequests } from "@/lib/db/schema";
import { idParam } from "@/lib/schemas/common";
import type { Actor } from "../authz";
import { notFound } from "../errors";
import type { ChangeRequestRow } from "./view";

/** One request of the actor's organization; another org's (or a malformed id) is a 404, never a hint. */
export async function findRequest(db: DbOrTx, actor: Actor, id: string, { lock = false } = {}): Promise<ChangeRequestRow> {
  if (!idParam.safeParse(id).success) throw notFound("No such change request.");
  const query = db
    .select()
    .from(changeRequests)
    .where(and(eq(changeRequests.id, id), eq(changeRequests.orgId, actor.orgId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("No such change request.");
  return row;
}
