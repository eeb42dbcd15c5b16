"use client";

import { useState, useTransition } from "react";
import { Check, X } from "lucide-react";
import type { ActionResult } from "@/lib/actions/action";
import { approveChangeAction, cancelChangeAction } from "@/lib/actions/approvals";
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
import { RejectDialog } from "./reject-dialog";

const STALE_TITLE = "The webhook changed since this request was made; the request is now stale";

type Props = {
  id: string;
  webhookName: string;
  /** The viewer holds changes.review. */
  canReview: boolean;
  /** The viewer made this request (they may cancel it, never approve it). */
  isRequester: boolean;
  canCancel: boolean;
  /** Still undecided. Once decided (here or elsewhere) only a refusal from the last attempt stays on screen. */
  pending: boolean;
};

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/** An API refusal as a title and the server's own sentence. */
function describe(f: Failure): { title: string; detail?: string } {
  if (f.status === 409 && /stale/i.test(f.error)) return { title: STALE_TITLE, detail: f.error };
  if (f.status === 409) return { title: "This request can no longer be decided", detail: f.error };
  if (f.status === 403) return { title: "You may not do this", detail: f.error };
  if (f.status === 404) return { title: "This request no longer exists" };
  return { title: f.error };
}

/** Approve / Reject for reviewers, Cancel request for the requester; refusals from the API shown above the buttons. */
export function ReviewActions({ id, webhookName, canReview, isRequester, canCancel, pending }: Props) {
  const [problem, setProblem] = useState<{ title: string; detail?: string } | null>(null);
  const [approving, startApprove] = useTransition();
  const [cancelling, startCancel] = useTransition();
  const [cancelOpen, setCancelOpen] = useState(false);

  const approve = () =>
    startApprove(async () => {
      setProblem(null);
      const result = await approveChangeAction({ id });
      if (!result.ok) return setProblem(describe(result));
      toast(`Approved: the change to “${webhookName}” was applied.`);
    });

  const cancel = () =>
    startCancel(async () => {
      setProblem(null);
      const result = await cancelChangeAction({ id });
      setCancelOpen(false);
      if (!result.ok) return setProblem(describe(result));
      toast("Request cancelled. Nothing was changed.", "info");
    });

  if (!pending) {
    return (
      problem && (
        <Callout variant="error" role="alert" title={problem.title}>
          {problem.detail}
        </Callout>
      )
    );
  }
  if (!canReview && !canCancel) return null;
  return (
    <div className="grid gap-3" data-testid="review-actions">
      {problem && (
        <Callout variant="error" role="alert" title={problem.title}>
          {problem.detail}
        </Callout>
      )}
      {isRequester && <p className="text-sm text-muted-foreground">You submitted this request; another approver must review it.</p>}
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {canReview && (
          <>
            <Button onClick={approve} pending={approving} disabled={isRequester}>
              <Check aria-hidden="true" /> Approve
            </Button>
            {!isRequester && <RejectDialog id={id} onFailure={(f) => setProblem(describe(f))} />}
          </>
        )}
        {canCancel && (
          <AlertDialog open={cancelOpen} onOpenChange={(o) => !cancelling && setCancelOpen(o)}>
            <AlertDialogTrigger asChild>
              <Button variant="outline">
                <X aria-hidden="true" /> Cancel request
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>Cancel this request?</AlertDialogTitle>
                <AlertDialogDescription>The proposed change is withdrawn and nothing is changed. You can submit it again later.</AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel disabled={cancelling}>Keep it</AlertDialogCancel>
                <Button variant="destructive" pending={cancelling} onClick={cancel}>
                  Cancel request
                </Button>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
        )}
      </div>
    </div>
  );
}
