import { Webhook } from "lucide-react";
import { auth } from "@/lib/auth";
import { findInvite } from "@/lib/server/members/accept-invite";
import { formatDateTime } from "@/lib/format/dates";
import { AcceptInviteForm } from "@/components/invites/accept-invite-form";

export const metadata = { title: "Accept invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

// The invitation link's page: outside the console layout (no session needed); the token is the only authority.
export default async function AcceptInvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findInvite(token);
  const session = await auth();
  const signedInAs = Boolean(invite && session?.user?.email && session.user.email.toLowerCase() === invite.email.toLowerCase());
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Webhook aria-hidden className="size-8 text-primary" />
          <h1 className="text-2xl font-semibold">{invite ? `Join ${invite.orgName}` : "Invitation not valid"}</h1>
          {invite && (
            <p className="text-sm text-muted-foreground">
              You are invited as {invite.roles.join(", ")}. This link works once, until {formatDateTime(invite.expiresAt)}.
            </p>
          )}
        </div>
        <div className="rounded-lg border border-border bg-background p-6 shadow-sm">
          {!invite ? (
            <p className="text-sm">
              This invitation link cannot be used: it was already used, revoked, or it expired. Ask the person who invited you for a new one.
            </p>
          ) : invite.awaitingApproval ? (
            <p className="text-sm">This invitation grants the approver role and is waiting for a second approver. Open the link again once it is approved.</p>
          ) : (
            <AcceptInviteForm token={token} email={invite.email} suggestedName={invite.name ?? ""} signedInAs={signedInAs} />
          )}
        </div>
      </div>
    </main>
  );
}
