import { CodeBlock } from "@/components/ui/code-block";

/** How to publish, for the empty Events page: the real endpoint of this server and org. */
export function PublishHint({ origin, org, eventType }: { origin: string; org: string; eventType: string }) {
  const curl = [
    `curl -X POST ${origin}/api/v1/orgs/${org}/events \\`,
    `  -H "Authorization: Bearer $WEBHOOK_CONSOLE_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"type": "${eventType}", "data": {"id": "123"}}'`,
  ].join("\n");
  return (
    <div className="grid w-full max-w-2xl gap-2 text-left">
      <p className="text-sm text-muted-foreground">
        Your systems publish with <code className="font-mono text-foreground">POST /api/v1/orgs/{org}/events</code> and an API key with the{" "}
        <code className="font-mono">events.publish</code> permission. Every webhook subscribed to the type gets a signed delivery. Add an{" "}
        <code className="font-mono">id</code> to make retries of the same publish idempotent.
      </p>
      <CodeBlock value={curl} label="curl example" caption="Publish an event" />
    </div>
  );
}
