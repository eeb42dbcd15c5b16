import Link from "next/link";
import { changeStatusSchema } from "@/lib/schemas/approvals";
import { cn } from "@/lib/utils/cn";
import { STATUS_LABELS } from "./change-labels";

const OPTIONS = [...changeStatusSchema.options.map((s) => ({ value: s, label: STATUS_LABELS[s] })), { value: "all", label: "All" }];

/** Status as links: the filter lives in the URL and works without JavaScript. */
export function StatusFilter({ current }: { current: string }) {
  return (
    <nav aria-label="Filter by status" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex w-max gap-1 rounded-lg border border-border bg-muted p-1">
        {OPTIONS.map((o) => (
          <li key={o.value}>
            <Link
              href={o.value === "pending" ? "/admin/approvals" : `/admin/approvals?status=${o.value}`}
              aria-current={current === o.value ? "page" : undefined}
              className={cn(
                "block rounded-md px-3 py-1.5 text-sm whitespace-nowrap",
                current === o.value ? "bg-background font-medium text-foreground shadow-sm" : "text-muted-foreground hover:text-foreground",
              )}
            >
              {o.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
