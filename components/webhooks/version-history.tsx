import type { WebhookVersion } from "@/lib/schemas/webhooks";
import { diffConfigs, type ConfigChange } from "@/lib/format/config-diff";
import { formatDateTime } from "@/lib/format/dates";

function Change({ c }: { c: ConfigChange }) {
  return (
    <li className="grid gap-0.5 sm:grid-cols-[12rem_1fr] sm:gap-3">
      <span className="font-medium">{c.label}</span>
      <span className="min-w-0 [overflow-wrap:anywhere]">
        {c.kind === "secret" && <span className="text-muted-foreground">changed</span>}
        {c.kind === "value" && (
          <>
            <span className="sr-only">from </span>
            <del className="text-muted-foreground decoration-muted-foreground/60">{c.before}</del>
            <span aria-hidden="true" className="mx-1.5 text-muted-foreground">
              →
            </span>
            <span className="sr-only">to </span>
            <ins className="no-underline">{c.after}</ins>
          </>
        )}
        {c.kind === "list" && (
          <>
            {c.added.length > 0 && (
              <span className="block">
                <span className="text-success">added</span> <span className="font-mono text-xs">{c.added.join(", ")}</span>
              </span>
            )}
            {c.removed.length > 0 && (
              <span className="block">
                <span className="text-destructive">removed</span> <span className="font-mono text-xs">{c.removed.join(", ")}</span>
              </span>
            )}
          </>
        )}
      </span>
    </li>
  );
}

/** Newest first; each version shows what changed since the one before it. */
export function VersionHistory({ versions }: { versions: WebhookVersion[] }) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <ol className="grid gap-0 divide-y" aria-label="Versions">
      {sorted.map((v, i) => {
        const previous = sorted[i + 1];
        const changes = previous ? diffConfigs(previous.config, v.config) : [];
        return (
          <li key={v.version} className="grid gap-2 py-4 first:pt-0 last:pb-0" data-testid={`version-${v.version}`}>
            <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <h3 className="font-semibold">Version {v.version}</h3>
              <span className="text-sm text-muted-foreground">
                {formatDateTime(v.createdAt)} by {v.actorLabel}
              </span>
            </div>
            {!previous ? (
              <p className="text-sm text-muted-foreground">{v.version === 1 ? "Created." : "Earlier versions are not shown."}</p>
            ) : changes.length === 0 ? (
              <p className="text-sm text-muted-foreground">No setting changed{v.changedFields.length ? ` (${v.changedFields.join(", ")})` : ""}.</p>
            ) : (
              <ul className="grid gap-1.5 text-sm">
                {changes.map((c) => (
                  <Change key={c.field} c={c} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
