/** The secret-free before/after summary of an audit entry, compactly. */
export function AuditSummary({ summary }: { summary: Record<string, unknown> }) {
  const entries = Object.entries(summary);
  if (entries.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <dl className="grid max-w-md gap-0.5 text-xs">
      {entries.map(([k, v]) => (
        <div key={k} className="flex gap-1">
          <dt className="shrink-0 font-medium">{k}:</dt>
          <dd className="min-w-0 break-all text-muted-foreground">{typeof v === "string" ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
