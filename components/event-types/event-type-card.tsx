import type { EventType } from "@/lib/schemas/event-types";
import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import { DeprecateButton } from "./deprecate-button";

type Props = { eventType: Pick<EventType, "id" | "name" | "description" | "examplePayload" | "deprecated">; canWrite: boolean };

export function EventTypeCard({ eventType: t, canWrite }: Props) {
  return (
    <article className="grid h-full content-start gap-3 rounded-lg border bg-card p-4" aria-labelledby={`et-${t.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid min-w-0 gap-1">
          <h3 id={`et-${t.id}`} className="flex flex-wrap items-center gap-2 font-mono text-sm font-semibold break-all">
            {t.name}
            {t.deprecated && <Badge variant="warning">Deprecated</Badge>}
          </h3>
          <p className="text-sm text-muted-foreground">{t.description || "No description."}</p>
        </div>
        {canWrite && <DeprecateButton id={t.id} name={t.name} deprecated={t.deprecated} />}
      </div>
      <CodeBlock value={t.examplePayload ?? {}} label={`example payload of ${t.name}`} caption="Example payload (data)" className="[&_pre]:max-h-48" />
    </article>
  );
}
