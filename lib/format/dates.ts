/** Dates as people read them in tables: "22 Nov 2026, 14:05 UTC". Server and client render the same text. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(d) + " UTC";
}

/** "5 minutes ago", for ages in inboxes and last-used columns. */
export function formatAge(value: string | Date, now = Date.now()): string {
  const seconds = Math.round((now - new Date(value).getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const steps: [number, Intl.RelativeTimeFormatUnit][] = [
    [60, "second"],
    [60, "minute"],
    [24, "hour"],
    [30, "day"],
    [12, "month"],
  ];
  let n = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(n) < size) return rtf.format(-n, unit);
    n = Math.round(n / size);
  }
  return rtf.format(-n, "year");
}
