import { CodeBlock } from "@/components/ui/code-block";

type EventType = { name: string; description: string; examplePayload: unknown; deprecated: boolean };

/** Each event type of the catalog as a receiver gets it in full payload mode (thin mode leaves out `data`). */
export function EventExamples({ types, source }: { types: EventType[]; source: string }) {
  return (
    <div className="grid gap-2">
      {types.map((t) => (
        <details key={t.name} className="group rounded-lg border">
          <summary className="flex cursor-pointer flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 hover:bg-accent">
            <span className="font-mono text-sm font-medium">{t.name}</span>
            <span className="text-sm text-muted-foreground">
              {t.description}
              {t.deprecated && " (deprecated)"}
            </span>
          </summary>
          <div className="border-t p-3">
            <CodeBlock
              label={`${t.name} example`}
              value={{
                id: "evt_4f1c2a9b7d3e4c21",
                type: t.name,
                source,
                time: "2026-01-01T14:30:02Z",
                object: "event",
                is_test: false,
                data: t.examplePayload,
              }}
            />
          </div>
        </details>
      ))}
    </div>
  );
}
