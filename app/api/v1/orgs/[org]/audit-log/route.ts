// GET /api/v1/orgs/{org}/audit-log — newest first; filter by actor, action, target, date; ?format=csv|json exports
import { orgRoute } from "@/lib/http/route";
import { auditEntrySchema, auditQuerySchema } from "@/lib/schemas/audit";
import { listAuditLog } from "@/lib/server/audit/list-audit-log";
import { toCsv } from "@/lib/http/csv";

export const GET = orgRoute({ permission: "audit.read", query: auditQuerySchema }, async ({ actor, query }) => {
  const page = await listAuditLog({ actor, query });
  const items = page.items.map((e) => auditEntrySchema.parse(e));
  if (!query.format) return { ...page, items };
  const stamp = new Date().toISOString().slice(0, 10);
  const body =
    query.format === "csv"
      ? toCsv(
          items.map((e) => ({ ...e, summary: JSON.stringify(e.summary) })),
          ["createdAt", "actorLabel", "action", "targetType", "targetLabel", "targetId", "summary"],
        )
      : JSON.stringify(items, null, 2);
  return new Response(body, {
    headers: {
      "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/json",
      "content-disposition": `attachment; filename="audit-log-${actor.orgSlug}-${stamp}.${query.format}"`,
      "cache-control": "no-store",
    },
  });
});
