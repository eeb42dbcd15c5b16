import { Server } from "lucide-react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export type WorkerView = {
  id: string;
  host: string;
  pid: number;
  version: string;
  embedded: boolean;
  startedAt: Date;
  lastSeenAgoMs: number;
  state: "live" | "stale" | "gone";
  inFlight: number;
  deliveredPerMinute: number;
};
export type QueueView = { due: number; sending: number; oldestDueAgeMs: number | null; deliveriesPerMinute: number };

const STATE: Record<WorkerView["state"], { variant: BadgeVariant; label: string; hint: string }> = {
  live: { variant: "success", label: "Live", hint: "Heartbeat within the last 15 seconds." },
  stale: { variant: "warning", label: "Stale", hint: "No heartbeat for over 15 seconds: busy, cut off from the database, or dying." },
  gone: { variant: "neutral", label: "Gone", hint: "Stopped, or no heartbeat for over 2 minutes." },
};

export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  const h = Math.floor(m / 60);
  return h < 48 ? `${h} h ${m % 60} min` : `${Math.floor(h / 24)} days`;
}

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <div className="rounded-lg border p-4">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      <dd className="mt-1 text-xs text-muted-foreground">{hint}</dd>
    </div>
  );
}

/** The queue's figures and the worker table of Admin → System. */
export function SystemView({ workers, queue }: { workers: WorkerView[]; queue: QueueView }) {
  const live = workers.filter((w) => w.state === "live").length;
  const noWorker = live === 0 && queue.due > 0;
  return (
    // minmax(0, 1fr): a wide worker table scrolls inside its card instead of widening the page on a phone.
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6">
      {noWorker && (
        <p role="status" className="rounded-lg border border-destructive/30 bg-destructive-soft p-4 text-sm text-destructive">
          Deliveries are due but no worker is live. Start one (<code>npm run worker</code>) or check the web server running the embedded worker.
        </p>
      )}
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Figure label="Due now" value={queue.due.toLocaleString("en")} hint="Waiting to be claimed" />
        <Figure label="Being sent" value={queue.sending.toLocaleString("en")} hint="Claimed by a worker" />
        <Figure label="Oldest due" value={queue.oldestDueAgeMs === null ? "—" : duration(queue.oldestDueAgeMs)} hint="How long it has waited" />
        <Figure label="Deliveries / min" value={queue.deliveriesPerMinute.toLocaleString("en")} hint="Successes, all live workers" />
      </dl>
      <Card>
        <CardHeader>
          <CardTitle>Workers</CardTitle>
        </CardHeader>
        <CardContent>
          {workers.length === 0 ? (
            <EmptyState icon={Server} title="No worker has reported yet" description="Workers heartbeat every few seconds once they run." />
          ) : (
            <Table label="Workers">
              <THead>
                <TR>
                  <TH>State</TH>
                  <TH>Worker</TH>
                  <TH>Host / PID</TH>
                  <TH>Version</TH>
                  <TH>Started</TH>
                  <TH>Last seen</TH>
                  <TH className="text-right">In flight</TH>
                  <TH className="text-right">Delivered / min</TH>
                </TR>
              </THead>
              <TBody>
                {workers.map((w) => (
                  <TR key={w.id}>
                    <TD>
                      <Badge variant={STATE[w.state].variant} dot title={STATE[w.state].hint}>
                        {STATE[w.state].label}
                      </Badge>
                    </TD>
                    <TD className="font-mono text-xs">
                      {w.id}
                      {w.embedded && <span className="ml-2 font-sans text-muted-foreground">(in web server)</span>}
                    </TD>
                    <TD className="whitespace-nowrap">
                      {w.host} / {w.pid}
                    </TD>
                    <TD>{w.version}</TD>
                    <TD className="whitespace-nowrap">{w.startedAt.toISOString().slice(0, 19).replace("T", " ")} UTC</TD>
                    <TD className="whitespace-nowrap">{duration(w.lastSeenAgoMs)} ago</TD>
                    <TD className="text-right tabular-nums">{w.inFlight}</TD>
                    <TD className="text-right tabular-nums">{w.deliveredPerMinute}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
