"use client";

import Link from "next/link";
import { Info } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

export type IssuedInvite = { email: string; url: string; changeRequestId: string | null };

/**
 * The invitation link, shown to the inviter this once (there is no mail yet). It is not a password: whoever opens it
 * chooses their own, or an existing account joins with its own password.
 */
export function InviteLinkDialog({ invite, onDone }: { invite: IssuedInvite | null; onDone: () => void }) {
  return (
    <Dialog open={Boolean(invite)}>
      <DialogContent dismissible={false} className="max-w-xl">
        <DialogHeader>
          <DialogTitle>Invitation link for {invite?.email}</DialogTitle>
          <DialogDescription className="flex gap-2">
            <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-primary" />
            <span>
              The console does not send e-mail yet: send this link to {invite?.email} yourself. It works once, for 72 hours, and is shown only now. It is not a
              password: they choose their own when they open it.
            </span>
          </DialogDescription>
        </DialogHeader>
        {invite?.changeRequestId && (
          <p className="rounded-md border border-warning/40 bg-warning-soft px-3 py-2 text-sm">
            This invitation grants the approver role, so another approver must approve it first; the link works from then on.{" "}
            <Link href={`/admin/approvals/${invite.changeRequestId}`} className="font-medium underline underline-offset-4">
              View the request
            </Link>
          </p>
        )}
        <div className="space-y-1.5">
          <p className="text-sm font-medium" id="invite-link-label">
            Invitation link
          </p>
          <div className="flex items-start gap-2">
            <code
              aria-labelledby="invite-link-label"
              className="min-w-0 flex-1 rounded-md border border-border bg-muted px-3 py-2 font-mono text-sm break-all"
              data-invite-link
            >
              {invite?.url}
            </code>
            {invite && <CopyButton value={invite.url} label="Invitation link" />}
          </div>
        </div>
        <DialogFooter>
          <Button onClick={onDone}>Done</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
