import { formatDateTime } from "@/lib/format/dates";

/** A time in a column whose header says UTC: the cell drops the suffix, the title keeps it. */
export function UtcTime({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-muted-foreground">—</span>;
  const full = formatDateTime(iso);
  return <time dateTime={iso} title={full}>{full.replace(/ UTC$/, "")}</time>;
}
