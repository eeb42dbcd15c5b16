import Link from "next/link";
import type { ChangeRequestDetail } from "@/lib/schemas/approvals";
import { formatAge, formatDateTime } from "@/lib/format/dates";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { ChangeActionBadge, ChangeStatusBadge } from "./change-labels";

// Term and value side by side even in the narrow side column.
const Item = (props: { term: string; children: React.ReactNode }) => (
  <DescriptionItem {...props} className="grid-cols-[6.5rem_minmax(0,1fr)] gap-3 sm:grid-cols-[7rem_minmax(0,1fr)] sm:gap-3" />
);

function When({ iso, now }: { iso: string; now: number }) {
  return (
    <>
      <time dateTime={iso}>{formatDateTime(iso)}</time>
      <span className="text-muted-foreground"> · {formatAge(iso, now)}</span>
    </>
  );
}

/** Who asked for what and when, and where the request stands. */
export function RequestFacts({ request: r, now }: { request: ChangeRequestDetail; now: number }) {
  // liveVersion is set while the webhook row exists (a discarded pending creation or a deleted webhook has none).
  const webhookExists = r.webhookId !== null && r.liveVersion !== null;
  return (
    <DescriptionList className="-my-3">
      <Item term="Action">
        <ChangeActionBadge action={r.action} />
      </Item>
      <Item term={r.targetKind === "webhook" ? "Webhook" : "Changes"}>
        {r.targetKind !== "webhook" ? (
          <span>{r.webhookName}</span>
        ) : webhookExists ? (
          <Link href={`/developer/webhooks/${r.webhookId}`} className="font-medium underline underline-offset-4">
            {r.webhookName}
          </Link>
        ) : (
          <span>
            {r.webhookName} <span className="text-muted-foreground">({r.action === "delete" ? "deleted" : "no longer exists"})</span>
          </span>
        )}
        {r.baseVersion !== null && r.action !== "create" && (
          <span className="block text-muted-foreground">
            Requested against version {r.baseVersion}
            {r.status === "pending" && r.liveVersion !== null ? `; live is version ${r.liveVersion}` : ""}
          </span>
        )}
      </Item>
      <Item term="Requester">{r.requester.label}</Item>
      <Item term="Created">
        <When iso={r.createdAt} now={now} />
      </Item>
      <Item term={r.status === "expired" ? "Expired" : "Expires"}>
        {r.status === "pending" || r.status === "expired" ? (
          <When iso={r.expiresAt} now={now} />
        ) : (
          <span className="text-muted-foreground">Decided before expiry</span>
        )}
      </Item>
      <Item term="Status">
        <ChangeStatusBadge status={r.status} />
      </Item>
      {r.decidedAt && (
        <Item term="Decision">
          <span className="grid gap-1">
            <span>
              {r.reviewer ? `${r.reviewer.label}` : "System"} · <When iso={r.decidedAt} now={now} />
            </span>
            {r.reason && <span className="whitespace-pre-line">“{r.reason}”</span>}
          </span>
        </Item>
      )}
    </DescriptionList>
  );
}
