import { ScrollText } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { listAuditLog } from "@/lib/server/audit/list-audit-log";
import { auditQuerySchema } from "@/lib/schemas/audit";
import { formatDateTime } from "@/lib/format/dates";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditSummary } from "@/components/audit/audit-summary";

export const metadata = { title: "Audit log" };
type SearchParams = Promise<Record<string, string | undefined>>;

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor("audit.read");
  const raw = await searchParams;
  const parsed = auditQuerySchema.safeParse({ ...raw, format: undefined });
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const page = await listAuditLog({ actor, query });
  const filters = Object.fromEntries(Object.entries(raw).filter(([k, v]) => v && ["actor", "action", "target", "from", "to"].includes(k))) as Record<
    string,
    string
  >;
  const qs = (extra: Record<string, string>) => new URLSearchParams({ ...filters, ...extra }).toString();
  const exportHref = (format: string) => `/api/v1/orgs/${actor.orgSlug}/audit-log?${qs({ format, count: "1000" })}`;

  return (
    <div>
      <PageHeader
        title="Audit log"
        description="Every change, decision, credential rotation and refused request, newest first. Entries cannot be edited or deleted."
        actions={
          <>
            <a className={buttonVariants({ variant: "outline", size: "sm" })} href={exportHref("csv")} download>
              Export CSV
            </a>
            <a className={buttonVariants({ variant: "outline", size: "sm" })} href={exportHref("json")} download>
              Export JSON
            </a>
          </>
        }
      />
      <AuditFilters values={filters} />
      {!parsed.success && <p className="mb-4 text-sm text-destructive">Some filters were not valid and were ignored.</p>}
      {page.items.length === 0 ? (
        <EmptyState
          icon={ScrollText}
          title="No entries"
          description={Object.keys(filters).length ? "Nothing matches these filters." : "Activity will appear here."}
        />
      ) : (
        <>
          <Table label="Audit log entries">
            <THead>
              <TR>
                <TH>Time</TH>
                <TH>Actor</TH>
                <TH>Action</TH>
                <TH>Target</TH>
                <TH className="hidden md:table-cell">Summary</TH>
              </TR>
            </THead>
            <TBody>
              {page.items.map((e) => (
                <TR key={e.id}>
                  <TD className="whitespace-nowrap">{formatDateTime(e.createdAt)}</TD>
                  <TD className="max-w-48 break-all">{e.actorLabel}</TD>
                  <TD>
                    <Badge variant={e.action === "permission.denied" || e.action.endsWith("failed") ? "danger" : "neutral"}>{e.action}</Badge>
                  </TD>
                  <TD className="max-w-56 break-all">
                    {e.targetLabel ?? e.targetId ?? "—"}
                    {e.targetType && <span className="block text-xs text-muted-foreground">{e.targetType}</span>}
                  </TD>
                  <TD className="hidden md:table-cell">
                    <AuditSummary summary={e.summary} />
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <Pagination
            className="mt-4"
            offset={page.offset}
            count={page.count}
            total={page.total}
            noun="entries"
            href={(offset) => `?${qs({ offset: String(offset) })}`}
          />
        </>
      )}
    </div>
  );
}
