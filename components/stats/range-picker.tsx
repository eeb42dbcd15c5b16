import Link from "next/link";
import { STATS_RANGE_LABELS, type StatsRange } from "@/lib/schemas/stats";
import { cn } from "@/lib/utils/cn";

/** 1 h / 24 h / 7 d / 30 d as links (the range lives in the URL, so it can be shared and survives reloads). */
export function RangePicker({ value, href }: { value: StatsRange; href: (range: StatsRange) => string }) {
  return (
    <nav aria-label="Time range" className="inline-flex w-fit items-center gap-1 rounded-lg bg-muted p-1 text-sm">
      {(Object.keys(STATS_RANGE_LABELS) as StatsRange[]).map((r) => (
        <Link
          key={r}
          href={href(r)}
          aria-current={r === value ? "page" : undefined}
          aria-label={STATS_RANGE_LABELS[r]}
          className={cn(
            "rounded-md px-3 py-1 font-medium text-muted-foreground hover:text-foreground",
            r === value && "bg-background text-foreground shadow-sm",
          )}
          scroll={false}
        >
          {r}
        </Link>
      ))}
    </nav>
  );
}
