import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { getChangeRequest } from "@/lib/server/approvals/get-change-request";
import { Callout } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Toaster } from "@/components/ui/toast";
import { ChangeDiff } from "@/components/approvals/change-diff";
import { ChangeStatusBadge, requestTitle } from "@/components/approvals/change-labels";
import { ChecksPanel } from "@/components/approvals/checks-panel";
import { DecisionCallout } from "@/components/approvals/decision-callout";
import { RequestFacts } from "@/components/approvals/request-facts";
import { ReviewActions } from "@/components/approvals/review-actions";

export const metadata = { title: "Change request" };

async function load(actor: Awaited<ReturnType<typeof requireActor>>, id: string) {
  try {
    return await getChangeRequest({ actor, id });
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export default async function ChangeRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor("changes.read");
  const request = await load(actor, id);
  // eslint-disable-next-line react-hooks/purity -- an async server component renders once per request; now is that request's time
  const now = Date.now();
  const pending = request.status === "pending";
  const isRequester = request.requester.id === actor.id || request.requester.personId === actor.personId;
  const isWebhook = request.targetKind === "webhook";
  const canReview = can(actor, "changes.review");
  const canCancel = isRequester && can(actor, "webhooks.write");
  const canRunChecks = pending && canReview && !isRequester;
  const movedOn = pending && request.action !== "create" && request.liveVersion !== null && request.liveVersion !== request.baseVersion;
  const diffTitle = !isWebhook ? "Proposed change" : { create: "Proposed webhook", update: "Proposed change", delete: "What would be deleted" }[request.action];

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        eyebrow={
          <Link href="/admin/approvals" className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft aria-hidden="true" className="size-4" /> Approvals
          </Link>
        }
        title={requestTitle(request.action, request.webhookName)}
        meta={<ChangeStatusBadge status={request.status} />}
        description={`Requested by ${request.requester.label}.`}
      />
      <DecisionCallout request={request} />
      {movedOn && (
        <Callout variant="warning" title="The webhook changed after this request was made">
          It was made against version {request.baseVersion}; the webhook is now at version {request.liveVersion}. Approving will mark the request stale and
          change nothing.
        </Callout>
      )}
      {/* Mounted while decided too, so a refusal (stale, already decided) stays readable after the page refreshes. */}
      {(canReview || canCancel) && (
        <ReviewActions
          id={request.id}
          webhookName={request.webhookName}
          canReview={canReview}
          isRequester={isRequester}
          canCancel={canCancel}
          pending={pending}
        />
      )}
      {pending && isRequester && !canReview && !canCancel && (
        <p className="text-sm text-muted-foreground">You submitted this request; another approver must review it.</p>
      )}

      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <Card className="min-w-0 xl:order-2">
          <CardHeader>
            <CardTitle>Request</CardTitle>
          </CardHeader>
          <CardContent>
            <RequestFacts request={request} now={now} />
          </CardContent>
        </Card>
        <Card className="min-w-0">
          <CardHeader>
            <CardTitle>{diffTitle}</CardTitle>
            <CardDescription>
              {isWebhook
                ? "Credentials are never shown: only whether they change."
                : "A change to the rules of four-eyes: another approver decides it, like a webhook change."}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ChangeDiff
              action={request.action}
              rows={request.changes}
              liveLabel={!isWebhook ? "Now" : pending ? `Live (version ${request.liveVersion ?? "—"})` : `Version ${request.baseVersion ?? "—"}`}
            />
          </CardContent>
        </Card>
      </div>

      {isWebhook && (pending || request.checks) && (
        <Card>
          <CardHeader>
            <CardTitle>Pre-approval checks</CardTitle>
            <CardDescription>
              Does the URL pass the SSRF rules, does the OAuth token endpoint answer, does the receiver answer a signed test ping?
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ChecksPanel id={request.id} initial={request.checks} canRun={canRunChecks} />
          </CardContent>
        </Card>
      )}
      <Toaster />
    </div>
  );
}
