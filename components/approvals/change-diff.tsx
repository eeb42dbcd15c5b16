import type { ChangeAction, ChangeRow } from "@/lib/schemas/approvals";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { cn } from "@/lib/utils/cn";

function Value({ row, side }: { row: ChangeRow; side: "before" | "after" }) {
  const text = row[side];
  if (row.kind === "secret") {
    return <span className={cn("italic", row.changed && side === "after" ? "font-medium text-foreground" : "text-muted-foreground")}>{text}</span>;
  }
  if (row.kind === "list" && side === "after" && row.changed && (row.added?.length || row.removed?.length)) {
    return (
      <span className="grid gap-1">
        {row.added?.map((t) => (
          <span key={t} className="font-mono text-xs">
            <span className="font-sans font-medium text-success">+ added </span>
            {t}
          </span>
        ))}
        {row.removed?.map((t) => (
          <span key={t} className="font-mono text-xs">
            <span className="font-sans font-medium text-destructive">− removed </span>
            {t}
          </span>
        ))}
      </span>
    );
  }
  return <span className={cn(/url|tokenUrl|headers\.|eventTypes/i.test(row.field) && "font-mono text-xs")}>{text}</span>;
}

/**
 * The proposal field by field. An update shows live and proposed side by side with changed rows marked; a creation
 * shows only the proposal, a deletion only what goes. Credentials read changed/unchanged, never a value.
 */
export function ChangeDiff({ action, rows, liveLabel }: { action: ChangeAction; rows: ChangeRow[]; liveLabel: string }) {
  const both = action === "update";
  const changedCount = rows.filter((r) => r.changed).length;
  return (
    <div className="grid gap-2">
      {both && (
        <p className="text-sm text-muted-foreground">
          {changedCount === 1 ? "1 field changes" : `${changedCount} fields change`}; unchanged fields are shown dimmed.
        </p>
      )}
      <Table label="Proposed change" className="table-fixed">
        <THead>
          <TR>
            <TH className="w-[30%] sm:w-[24%]">Field</TH>
            {action !== "create" && <TH className="h-auto py-2 whitespace-normal">{liveLabel}</TH>}
            {action !== "delete" && <TH className="h-auto py-2 whitespace-normal">{action === "create" ? "Proposed value" : "Proposed"}</TH>}
          </TR>
        </THead>
        <TBody>
          {rows.map((r) => (
            <TR
              key={r.field}
              data-changed={both && r.changed ? "" : undefined}
              className={cn("align-top", both && (r.changed ? "bg-warning-soft/40" : "text-muted-foreground"))}
            >
              <TH
                scope="row"
                className="h-auto py-2.5 align-top text-sm font-medium tracking-normal normal-case [overflow-wrap:anywhere] whitespace-normal text-foreground"
              >
                <span className="grid gap-1">
                  {r.label}
                  {both && r.changed && (
                    <Badge variant="warning" className="w-fit">
                      Changed
                    </Badge>
                  )}
                </span>
              </TH>
              {action !== "create" && (
                <TD className="px-2 align-top [overflow-wrap:anywhere] sm:px-3">
                  <Value row={r} side="before" />
                </TD>
              )}
              {action !== "delete" && (
                <TD className="px-2 align-top [overflow-wrap:anywhere] sm:px-3">
                  <Value row={r} side="after" />
                </TD>
              )}
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
