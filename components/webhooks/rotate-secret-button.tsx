"use client";

import { useState, useTransition } from "react";
import { RotateCw } from "lucide-react";
import { rotateSecretAction } from "@/lib/actions/webhooks";
import { formatDateTime } from "@/lib/format/dates";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";
import { ShownOnceDialog, type ShownOnceSecret } from "@/components/secrets/shown-once-dialog";
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

/** Confirm, rotate, then show the new signing secret once. */
export function RotateSecretButton({ id, name }: { id: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ secrets: ShownOnceSecret[]; previousExpiresAt: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const rotate = () =>
    startTransition(async () => {
      setError(null);
      const result = await rotateSecretAction({ id });
      if (!result.ok) return setError(result.error);
      setOpen(false);
      setSecret({ secrets: [{ label: "Signing secret", value: result.data.signingSecret }], previousExpiresAt: result.data.previousSecretExpiresAt });
    });

  return (
    <>
      <AlertDialog open={open} onOpenChange={(o) => !pending && setOpen(o)}>
        <AlertDialogTrigger asChild>
          <Button variant="outline">
            <RotateCw aria-hidden="true" /> Rotate secret
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle className="[overflow-wrap:anywhere]">Rotate the signing secret of {name}?</AlertDialogTitle>
            <AlertDialogDescription>
              A new secret signs every delivery from now on. The current one keeps signing alongside it for 24 hours, so you can update your endpoint&apos;s
              verification without dropping events.
            </AlertDialogDescription>
          </AlertDialogHeader>
          {error && (
            <Callout variant="error" role="alert">
              {error}
            </Callout>
          )}
          <AlertDialogFooter>
            <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
            <Button pending={pending} onClick={rotate}>
              Rotate secret
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      <ShownOnceDialog
        title="New signing secret"
        secrets={secret?.secrets ?? null}
        onDone={() => {
          toast(`Secret rotated. The previous one keeps signing until ${formatDateTime(secret!.previousExpiresAt)}.`);
          setSecret(null);
        }}
      />
    </>
  );
}
