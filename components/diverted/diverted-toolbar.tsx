"use client";

import { useCallback, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { RotateCcw } from "lucide-react";
import { redeliverDivertedAction } from "@/lib/actions/diverted-events";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { DeleteDivertedDialog } from "./delete-diverted-dialog";
import { recoverDivertedAction } from "@/lib/actions/alerts";
import type { RecoveryJobView } from "@/lib/schemas/recovery";
import { RecoveryProgress } from "@/components/alerts/recovery-progress";
import { RecoverDialog } from "@/components/alerts/recover-dialog";

type Props = {
  selected: string[];
  /** The webhook the list is filtered by: offers "Redeliver all" for it. */
  webhook: { id: string; name: string } | null;
  onDone: () => void;
};

const requeued = (n: number) =>
  n === 0 ? "Nothing was requeued: those deliveries are no longer diverted." : `Requeued ${n} deliver${n === 1 ? "y" : "ies"} for redelivery.`;

/** Redeliver or delete what is selected; redeliver everything of the filtered webhook. */
export function DivertedToolbar({ selected, webhook, onDone }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<"selected" | "all" | null>(null);
  const [job, setJob] = useState<RecoveryJobView | null>(null);
  const router = useRouter();
  const jobFinished = useCallback(() => {
    onDone();
    router.refresh(); // the list and the navigation count
  }, [onDone, router]);

  // "Redeliver all" runs as a recovery job (batches in the worker, a progress bar here), however many there are.
  const redeliverAll = (webhookId: string) =>
    startTransition(async () => {
      setError(null);
      setBusy("all");
      const result = await recoverDivertedAction({ webhookId });
      setBusy(null);
      if (!result.ok) return setError(result.error);
      setJob(result.data);
    });

  const redeliver = (which: "selected") =>
    startTransition(async () => {
      setError(null);
      setBusy(which);
      const result = await redeliverDivertedAction({ ids: selected });
      setBusy(null);
      if (!result.ok) return setError(result.error);
      onDone();
      toast(requeued(result.data.redelivered));
    });

  return (
    <div className="grid gap-2">
      <div role="toolbar" aria-label="Diverted event actions" className="flex flex-wrap items-center gap-2">
        <span className="mr-1 text-sm text-muted-foreground" aria-live="polite">
          {selected.length} selected
        </span>
        <Button size="sm" disabled={selected.length === 0 || pending} pending={busy === "selected"} onClick={() => redeliver("selected")}>
          <RotateCcw aria-hidden="true" /> Redeliver selected
        </Button>
        <DeleteDivertedDialog ids={selected} disabled={selected.length === 0 || pending} onDone={onDone} />
        {webhook ? (
          <span className="flex flex-wrap gap-2 sm:ml-auto">
            <RecoverDialog webhookId={webhook.id} name={webhook.name} eventTypes={[]} />
            <Button
              size="sm"
              variant="secondary"
              disabled={pending || (job !== null && ["queued", "running"].includes(job.status))}
              pending={busy === "all"}
              onClick={() => redeliverAll(webhook.id)}
            >
              <RotateCcw aria-hidden="true" /> Redeliver all for this webhook
            </Button>
          </span>
        ) : (
          <span className="text-sm text-muted-foreground sm:ml-auto">Filter by a webhook to redeliver all of its diverted events at once.</span>
        )}
      </div>
      {job && <RecoveryProgress key={job.id} initial={job} onFinished={jobFinished} />}
      {error && (
        <Callout variant="error" role="alert">
          {error}
        </Callout>
      )}
    </div>
  );
}
