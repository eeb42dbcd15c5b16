"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { deleteWebhookAction } from "@/lib/actions/webhooks";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
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

type Target = {
  id: string;
  name: string;
  /** Where to go afterwards (the details page goes back to the list); the list just re-renders without the row. */
  redirectTo?: string;
  /** The org's settings require approval to delete: the dialog submits a request instead. */
  needsApproval?: boolean;
};

/** "Delete <name>?" — confirms, deletes (or submits the deletion for approval), then toasts. Controlled: open it from a menu. */
export function DeleteWebhookDialog({
  id,
  name,
  redirectTo,
  needsApproval = false,
  open,
  onOpenChange,
  children,
}: Target & { open: boolean; onOpenChange: (open: boolean) => void; children?: React.ReactNode }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      setError(null);
      const result = await deleteWebhookAction({ id });
      if (!result.ok) return setError(result.error);
      onOpenChange(false);
      if (result.data) {
        toast(`Submitted for approval: deleting “${name}” waits for an approver.`, "info");
        return router.push(`/admin/approvals/${result.data.changeRequest.id}`);
      }
      toast(`Webhook “${name}” deleted.`);
      if (redirectTo) router.push(redirectTo);
    });

  return (
    <AlertDialog open={open} onOpenChange={(o) => !pending && (setError(null), onOpenChange(o))}>
      {children}
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle className="[overflow-wrap:anywhere]">Delete {name}?</AlertDialogTitle>
          <AlertDialogDescription>
            {needsApproval
              ? "This organization requires approval to delete webhooks: the webhook keeps receiving events until an approver accepts the deletion. Then its settings and history are removed."
              : "Deliveries to this endpoint stop at once and its settings and history are removed. Events already delivered are not affected. This cannot be undone."}
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
            {needsApproval ? "Submit for Approval" : "Delete webhook"}
          </Button>
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
