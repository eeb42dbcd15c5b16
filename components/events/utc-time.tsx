import { formatDateTime } from "@/lib/format/dates";

// Seconds matter in an event log: several events are often published within the same minute.
const withSeconds = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** A time in a column whose header says UTC: the cell drops the suffix, the title keeps it. */
export function UtcTime({ iso }: { iso: string | null }) {
  if (!iso) return <span className="text-muted-foreground">—</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {withSeconds.format(new Date(iso))}
    </time>
  );
}
