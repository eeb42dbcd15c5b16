"use client";

import { useState, useTransition } from "react";
import { Trash2 } from "lucide-react";
import { deleteDivertedAction } from "@/lib/actions/diverted-events";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
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

const plural = (n: number) => `${n} diverted deliver${n === 1 ? "y" : "ies"}`;

/** "Delete N diverted deliveries?" — they are gone for good; the events themselves stay. */
export function DeleteDivertedDialog({ ids, disabled, onDone }: { ids: string[]; disabled: boolean; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      setError(null);
      const result = await deleteDivertedAction({ ids });
      if (!result.ok) return setError(result.error);
      setOpen(false);
      onDone();
      toast(`Deleted ${plural(result.data.deleted)}.`);
    });

  return (
    <AlertDialog open={open} onOpenChange={(o) => !pending && (setError(null), setOpen(o))}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" disabled={disabled} className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden="true" /> Delete
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {plural(ids.length)}?</AlertDialogTitle>
          <AlertDialogDescription>
            They will not be sent to this webhook again and cannot be redelivered afterwards. The events themselves stay, and other webhooks are not affected.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {error && (
          <Callout variant="error" role="alert">
            {error}
          </Callout>
        )}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button variant="destructive" pending={pending} onClick={confirm}>
            Delete
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
