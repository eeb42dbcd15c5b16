import Link from "next/link";
import type { FailingWebhook } from "@/lib/schemas/stats";
import { formatRate } from "@/lib/format/chart-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

/** The webhooks with the most failed or diverted attempts in the range. */
export function TopFailingTable({ rows }: { rows: FailingWebhook[] }) {
  if (rows.length === 0) return <p className="text-sm text-muted-foreground">No failed attempts in this range.</p>;
  return (
    <Table label="Top failing webhooks">
      <THead>
        <TR>
          <TH>Webhook</TH>
          <TH className="hidden text-right sm:table-cell">Failed</TH>
          <TH className="text-right">Diverted</TH>
          <TH className="text-right">Success rate</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((w) => (
          <TR key={w.id}>
            <TD className="max-w-[9rem] sm:max-w-[12rem]">
              {w.name ? (
                <Link
                  href={`/developer/webhooks/${w.id}?tab=overview`}
                  className="block truncate font-medium underline-offset-4 hover:underline"
                  title={w.name}
                >
                  {w.name}
                </Link>
              ) : (
                <span className="text-muted-foreground">Deleted webhook</span>
              )}
            </TD>
            <TD className="hidden text-right tabular-nums sm:table-cell">{w.failed.toLocaleString("en-US")}</TD>
            <TD className="text-right tabular-nums">{w.diverted.toLocaleString("en-US")}</TD>
            <TD className="text-right tabular-nums">{formatRate(w.successRate)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
