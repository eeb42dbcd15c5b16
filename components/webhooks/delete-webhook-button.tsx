"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { deleteWebhookAction } from "@/app/(console)/developer/webhooks/actions";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import {
  AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogFooter, AlertDialogHeader, AlertDialogTitle, AlertDialogTrigger,
} from "@/components/ui/alert-dialog";

type Target = {
  id: string;
  name: string;
  /** Where to go afterwards (the details page goes back to the list); the list just re-renders without the row. */
  redirectTo?: string;
};

/** "Delete <name>?" — confirms, deletes (or submits the deletion for approval), then toasts. Controlled: open it from a menu. */
export function DeleteWebhookDialog({ id, name, redirectTo, open, onOpenChange, children }: Target & { open: boolean; onOpenChange: (open: boolean) => void; children?: React.ReactNode }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      setError(null);
      const result = await deleteWebhookAction({ id });
      if (!result.ok) return setError(result.error);
      const needsApproval = Boolean(result.data && typeof result.data === "object" && "changeRequest" in result.data);
      onOpenChange(false);
      toast(needsApproval ? `Deleting “${name}” was submitted for approval.` : `Webhook “${name}” deleted.`, needsApproval ? "info" : "success");
      if (redirectTo) router.push(redirectTo);
    });

  return (
    <AlertDialog open={open} onOpenChange={(o) => !pending && (setError(null), onOpenChange(o))}>
      {children}
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle className="[overflow-wrap:anywhere]">Delete {name}?</AlertDialogTitle>
          <AlertDialogDescription>
            Deliveries to this endpoint stop at once and its settings and history are removed. Events already delivered are not affected. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        {error && <Callout variant="error" role="alert">{error}</Callout>}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
          <Button variant="destructive" pending={pending} onClick={confirm}>Delete webhook</Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

export function DeleteWebhookButton({ variant = "outline", size = "sm", ...target }: Target & { variant?: ButtonVariant; size?: ButtonSize }) {
  const [open, setOpen] = useState(false);
  return (
    <DeleteWebhookDialog {...target} open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant={variant} size={size} className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden="true" /> Delete<span className="sr-only"> {target.name}</span>
        </Button>
      </AlertDialogTrigger>
    </DeleteWebhookDialog>
  );
}
