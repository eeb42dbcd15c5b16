import type { ReactNode } from "react";
import type { Webhook } from "@/lib/schemas/webhooks";
import { formatDateTime } from "@/lib/format/dates";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { CopyButton } from "@/components/ui/copy-button";
import { WebhookStatusBadges } from "./webhook-status-badge";

const MASKED = (
  <span className="font-mono tracking-widest text-muted-foreground">
    <span aria-hidden="true">*****</span>
    <span className="sr-only">Hidden</span>
  </span>
);
const none = <span className="text-muted-foreground">None</span>;

function Section({ title, children, className }: { title: string; children: ReactNode; className?: string }) {
  return (
    <Card className={className}>
      <CardHeader className="pb-0 sm:pb-0">
        <CardTitle as="h3">{title}</CardTitle>
      </CardHeader>
      <CardContent className="pt-2 sm:pt-2">
        <DescriptionList className="[&>div]:sm:grid-cols-[minmax(7rem,11rem)_1fr]">{children}</DescriptionList>
      </CardContent>
    </Card>
  );
}

function backoff(f: Webhook["failureHandling"]) {
  if (f.backoff === "linear") return `Linear, every ${f.intervalSeconds?.toLocaleString("en-US")} s`;
  return "Exponential (about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h)";
}

/** Every setting of a webhook, in the form's sections; credentials masked. */
export function WebhookSettings({ webhook: w }: { webhook: Webhook }) {
  const f = w.failureHandling;
  const headers = Object.entries(w.headers);
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      <Section title="Endpoint">
        <DescriptionItem term="Status">
          <div className="grid gap-1">
            <WebhookStatusBadges status={w.status} pendingChange={w.pendingChangeRequestId} />
            {w.statusReason && <span className="text-muted-foreground">{w.statusReason}</span>}
            {w.suspendedAt && <span className="text-muted-foreground">Suspended since {formatDateTime(w.suspendedAt)}</span>}
          </div>
        </DescriptionItem>
        <DescriptionItem term="Name">{w.name}</DescriptionItem>
        <DescriptionItem term="URL" mono>
          {w.url}
        </DescriptionItem>
        <DescriptionItem term="Enabled">{w.enabled ? "Yes" : "No — receives no events"}</DescriptionItem>
        <DescriptionItem term="Payload">{w.payload === "thin" ? "Thin — the envelope only" : "Full — the envelope and the event data"}</DescriptionItem>
      </Section>

      <Section title="Authentication">
        <DescriptionItem term="Auth type">{w.auth.type === "api_key" ? "API Key" : "OAuth"}</DescriptionItem>
        {w.auth.type === "api_key" ? (
          <>
            <DescriptionItem term="Header name" mono>
              {w.auth.header}
            </DescriptionItem>
            <DescriptionItem term="API key">{MASKED}</DescriptionItem>
          </>
        ) : (
          <>
            <DescriptionItem term="Token URL" mono>
              {w.auth.tokenUrl}
            </DescriptionItem>
            <DescriptionItem term="Client ID" mono>
              {w.auth.clientId}
            </DescriptionItem>
            <DescriptionItem term="Client secret">{MASKED}</DescriptionItem>
            <DescriptionItem term="Scope">{w.auth.scope || none}</DescriptionItem>
            <DescriptionItem term="Audience">{w.auth.audience || none}</DescriptionItem>
          </>
        )}
        <DescriptionItem term="Signing secret">{MASKED}</DescriptionItem>
      </Section>

      <Section title="Events">
        <DescriptionItem term={`Event types (${w.eventTypes.length})`}>
          <ul className="flex flex-wrap gap-1.5">
            {w.eventTypes.map((t) => (
              <li key={t} className="rounded-md border bg-muted px-1.5 py-0.5 font-mono text-xs break-all">
                {t}
              </li>
            ))}
          </ul>
        </DescriptionItem>
        <DescriptionItem term="Custom headers">
          {headers.length === 0 ? (
            none
          ) : (
            <ul className="grid gap-1 font-mono text-[0.8125rem]">
              {headers.flatMap(([name, values]) =>
                values.map((v, i) => (
                  <li key={`${name}-${i}`} className="break-all">
                    {name}: {v}
                  </li>
                )),
              )}
            </ul>
          )}
        </DescriptionItem>
      </Section>

      <Section title="Delivery">
        <DescriptionItem term="Rate limit">{w.rateLimit} requests per second</DescriptionItem>
        <DescriptionItem term="Max attempts">{f.maxAttempts}</DescriptionItem>
        <DescriptionItem term="Backoff">{backoff(f)}</DescriptionItem>
        <DescriptionItem term="Suspend after">
          {f.suspendAfterFailures.toLocaleString("en-US")} consecutive failed attempts
          <span className="block text-muted-foreground">{w.consecutiveFailures.toLocaleString("en-US")} so far</span>
        </DescriptionItem>
      </Section>

      <Section title="Record" className="lg:col-span-2">
        <DescriptionItem term="Version">{w.version}</DescriptionItem>
        <DescriptionItem term="Created">{formatDateTime(w.createdAt)}</DescriptionItem>
        <DescriptionItem term="Updated">{formatDateTime(w.updatedAt)}</DescriptionItem>
        <DescriptionItem term="ID">
          <span className="inline-flex max-w-full items-center gap-2 font-mono text-[0.8125rem] break-all">
            {w.id}
            <CopyButton value={w.id} label="webhook ID" variant="ghost" />
          </span>
        </DescriptionItem>
      </Section>
    </div>
  );
}
