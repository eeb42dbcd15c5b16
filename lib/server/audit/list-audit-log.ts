import "server-only";
import { and, desc, eq, gte, ilike, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";
import { assertCan, type Actor } from "../authz";
import type { AuditQuery } from "@/lib/schemas/audit";

export async function listAuditLog({ actor, query }: { actor: Actor; query: AuditQuery }) {
  assertCan(actor, "audit.read");
  const db = await getDb();
  const where: SQL[] = [eq(auditLog.orgId, actor.orgId)];
  if (query.actor) where.push(ilike(auditLog.actorLabel, `%${escapeLike(query.actor)}%`));
  if (query.action) where.push(or(eq(auditLog.action, query.action), ilike(auditLog.action, `${escapeLike(query.action)}.%`))!);
  if (query.target) where.push(or(ilike(auditLog.targetLabel, `%${escapeLike(query.target)}%`), eq(auditLog.targetId, query.target))!);
  if (query.from) where.push(gte(auditLog.createdAt, query.from));
  if (query.to) where.push(lte(auditLog.createdAt, query.to));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(and(...where))
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .offset(query.offset)
      .limit(query.count),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(...where)),
  ]);
  return { items: rows, total, offset: query.offset, count: query.count };
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
