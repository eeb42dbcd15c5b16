"use client";

import { useState, useTransition } from "react";
import { Ban } from "lucide-react";
import type { ActionResult } from "@/lib/actions/action";
import { rejectChangeAction } from "@/lib/actions/approvals";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";

type Props = { id: string; onFailure: (failure: Extract<ActionResult<unknown>, { ok: false }>) => void };

/** Reject with a reason the requester will read; the server action's schema says when the reason is missing. */
export function RejectDialog({ id, onFailure }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setError(undefined);
      const result = await rejectChangeAction({ id, reason });
      if (!result.ok) {
        const fieldError = result.fieldErrors?.find((e) => e.path === "reason");
        if (fieldError) return setError(fieldError.message);
        setOpen(false);
        return onFailure(result);
      }
      setOpen(false);
      toast("Request rejected. The requester will see your reason.", "info");
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (pending) return;
        setOpen(o);
        setError(undefined);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" className="text-destructive hover:text-destructive">
          <Ban aria-hidden="true" /> Reject
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Reject this request?</DialogTitle>
            <DialogDescription>Nothing is changed. The requester sees your reason on the request and on their next visit.</DialogDescription>
          </DialogHeader>
          <Field label="Reason" required error={error}>
            <Textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} placeholder="e.g. Use the production receiver URL." />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" disabled={pending} onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="destructive" pending={pending}>
              Reject request
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
