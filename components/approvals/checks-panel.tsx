"use client";

import { useState, useTransition } from "react";
import { CircleCheck, CircleMinus, CircleX, ShieldCheck } from "lucide-react";
import type { Checks, CheckResult } from "@/lib/schemas/approvals";
import { runChecksAction } from "@/lib/actions/approvals";
import { formatDateTime } from "@/lib/format/dates";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";

const STATUS: Record<CheckResult["status"], { label: string; variant: BadgeVariant; icon: typeof CircleCheck; color: string }> = {
  passed: { label: "Passed", variant: "success", icon: CircleCheck, color: "text-success" },
  failed: { label: "Failed", variant: "danger", icon: CircleX, color: "text-destructive" },
  skipped: { label: "Skipped", variant: "neutral", icon: CircleMinus, color: "text-muted-foreground" },
};

/** Pre-approval checks (SSRF rules, OAuth token endpoint, a test ping), run on demand; each with its status and detail. */
export function ChecksPanel({ id, initial, canRun }: { id: string; initial: Checks | null; canRun: boolean }) {
  const [checks, setChecks] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const run = () =>
    startTransition(async () => {
      setError(null);
      const result = await runChecksAction({ id });
      if (!result.ok) return setError(result.error);
      setChecks(result.data);
    });

  return (
    <div className="grid gap-4" aria-busy={pending || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          {checks ? (
            <>
              Last run by {checks.ranBy}, {formatDateTime(checks.ranAt)}.
            </>
          ) : (
            "Not run yet. The checks call the proposed endpoint, as a delivery would."
          )}
        </p>
        {canRun && (
          <Button variant="outline" size="sm" onClick={run} pending={pending}>
            <ShieldCheck aria-hidden="true" /> {checks ? "Run checks again" : "Run checks"}
          </Button>
        )}
      </div>
      {error && (
        <Callout variant="error" role="alert" title="The checks did not run">
          {error}
        </Callout>
      )}
      {checks && (
        <ul className="divide-y rounded-lg border" aria-label="Check results">
          {checks.items.map((c) => {
            const s = STATUS[c.status];
            return (
              <li key={c.name} className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 p-3 sm:p-4" data-testid={`check-${c.name}`}>
                <s.icon aria-hidden="true" className={`mt-0.5 size-4 ${s.color}`} />
                <div className="flex min-w-0 flex-wrap items-center gap-2">
                  <span className="font-medium">{c.label}</span>
                  <Badge variant={s.variant}>{s.label}</Badge>
                  {c.durationMs !== undefined && <span className="text-xs text-muted-foreground">{c.durationMs.toLocaleString("en-US")} ms</span>}
                </div>
                <p className="col-start-2 text-sm text-muted-foreground [overflow-wrap:anywhere]">{c.detail}</p>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
