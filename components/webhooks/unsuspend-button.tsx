"use client";

import { useState, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { PlayCircle } from "lucide-react";
import { unsuspendWebhookAction } from "@/lib/actions/webhooks";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";

/** Unsuspend, optionally redelivering what was diverted while the webhook was suspended. */
export function UnsuspendButton({ id, name, divertedSince }: { id: string; name: string; divertedSince: number }) {
  const [open, setOpen] = useState(false);
  const [redeliver, setRedeliver] = useState(divertedSince > 0);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();

  const unsuspend = () =>
    startTransition(async () => {
      setError(null);
      const result = await unsuspendWebhookAction({ id, redeliverDiverted: redeliver });
      if (!result.ok) return setError(result.error);
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: ["deliveries"] }); // the delivery log goes live again
      const n = result.data.redelivered;
      toast(n > 0 ? `Unsuspended. ${n} diverted event${n === 1 ? " is" : "s are"} being redelivered.` : "Unsuspended. New events are delivered again.");
    });

  return (
    <AlertDialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
      <AlertDialogTrigger asChild>
        <Button>
          <PlayCircle aria-hidden="true" /> Unsuspend
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle className="[overflow-wrap:anywhere]">Unsuspend {name}?</AlertDialogTitle>
          <AlertDialogDescription>
            New events are delivered again at once. Make sure the endpoint answers first: it is suspended again after the same number of consecutive failures.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <div className="flex items-start gap-3">
          <Checkbox
            id={`redeliver-${id}`}
            checked={redeliver}
            onCheckedChange={(v) => setRedeliver(v === true)}
            disabled={divertedSince === 0}
            className="mt-0.5"
          />
          <Label htmlFor={`redeliver-${id}`} className="leading-snug">
            {divertedSince > 0
              ? `Also redeliver the ${divertedSince.toLocaleString("en-US")} event${divertedSince === 1 ? "" : "s"} diverted while it was suspended`
              : "Nothing was diverted while it was suspended"}
          </Label>
        </div>
        {error && (
          <Callout variant="error" role="alert">
            {error}
          </Callout>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button pending={pending} onClick={unsuspend}>
            Unsuspend
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
