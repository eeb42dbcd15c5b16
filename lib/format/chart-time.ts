/** A chart point's time as a short UTC label: "14:05" within a day's steps, "22 Nov 14:00" by the hour, "22 Nov" by the day. */
export function formatPointTime(iso: string, stepMs: number): string {
  const d = new Date(iso);
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(d);
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(d);
  if (stepMs >= 86_400_000) return day;
  if (stepMs >= 3_600_000) return `${day} ${time}`;
  return time;
}

/** "1.2 s", "85 ms", or "—" when there is nothing to measure. */
export function formatMs(ms: number | null): string {
  if (ms === null) return "—";
  return ms >= 1000 ? `${(ms / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 })} s` : `${Math.round(ms)} ms`;
}

/** "99.5 %", or "—" without attempts. */
export function formatRate(rate: number | null): string {
  if (rate === null) return "—";
  return `${(Math.floor(rate * 1000) / 10).toLocaleString("en-US", { maximumFractionDigits: 1 })} %`;
}

/** "4 min", "2 h 5 min": how long the oldest due delivery has waited. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} d`;
}
