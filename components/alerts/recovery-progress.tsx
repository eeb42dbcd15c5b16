"use client";

import { useEffect, useState, useTransition } from "react";
import { cancelRecoveryAction, recoveryJobAction } from "@/lib/actions/alerts";
import type { RecoveryJobView } from "@/lib/schemas/recovery";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";

const OPEN = new Set(["queued", "running"]);

/** A recovery job's progress bar, polled every second until it ends; Cancel while it runs; then its result. */
export function RecoveryProgress({ initial, onFinished }: { initial: RecoveryJobView; onFinished?: (job: RecoveryJobView) => void }) {
  const [job, setJob] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const open = OPEN.has(job.status);

  useEffect(() => {
    if (!open) return;
    const poll = async () => {
      const result = await recoveryJobAction({ id: job.id });
      if (!result.ok) return setError(result.error);
      setJob(result.data);
      if (!OPEN.has(result.data.status)) onFinished?.(result.data);
    };
    const t = setTimeout(() => void poll(), 1_000);
    return () => clearTimeout(t);
  }, [job, open, onFinished]);

  const cancel = () =>
    startTransition(async () => {
      const result = await cancelRecoveryAction({ id: job.id });
      if (!result.ok) return setError(result.error);
      setJob(result.data);
    });

  const summary =
    job.status === "succeeded"
      ? `Done: ${job.redelivered.toLocaleString("en-US")} deliver${job.redelivered === 1 ? "y" : "ies"} requeued. They are sent at the webhook's rate limit.`
      : job.status === "cancelled"
        ? `Cancelled after ${job.redelivered.toLocaleString("en-US")} of ${job.total.toLocaleString("en-US")}; those stay requeued.`
        : `Requeued ${job.done.toLocaleString("en-US")} of ${job.total.toLocaleString("en-US")}…`;

  return (
    <div className="grid gap-2">
      <div className="flex items-center justify-between text-sm">
        <span id={`job-${job.id}-label`} className="font-medium">
          Recovery
        </span>
        <span className="tabular-nums text-muted-foreground">{job.percent} %</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={`job-${job.id}-label`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={job.percent}
        aria-valuetext={`${job.percent} %, ${job.done} of ${job.total}`}
        className="h-2.5 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary transition-[width]" style={{ width: `${job.percent}%` }} />
      </div>
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {summary}
      </p>
      {open && (
        <div>
          <Button size="sm" variant="outline" pending={pending} onClick={cancel}>
            Cancel recovery
          </Button>
        </div>
      )}
      {error && (
        <Callout variant="error" role="alert">
          {error}
        </Callout>
      )}
    </div>
  );
}
