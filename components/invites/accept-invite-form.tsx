"use client";

import Link from "next/link";
import { useActionState } from "react";
import { acceptInviteAction, type AcceptInviteState } from "@/lib/actions/invites";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const messageFor = (state: AcceptInviteState, path: string) => state.fieldErrors?.find((e) => e.path === path)?.message;

/**
 * One form for new and existing accounts alike, so the page never tells whoever holds the link whether the e-mail
 * already has an account: a new account is created with this password; an existing one joins only with its own.
 */
export function AcceptInviteForm({ token, email, suggestedName, signedInAs }: { token: string; email: string; suggestedName: string; signedInAs: boolean }) {
  const [state, formAction, pending] = useActionState<AcceptInviteState, FormData>(acceptInviteAction, {});
  if (state.joined) {
    return (
      <div className="space-y-4 text-sm" role="status">
        <p>
          You joined as <strong>{state.joined.email}</strong>.
        </p>
        <Button asChild className="w-full">
          <Link href={signedInAs ? "/developer/webhooks" : "/login"}>{signedInAs ? "Open the console" : "Sign in"}</Link>
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.error && (
        <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          {state.error}
        </p>
      )}
      <Field label="Email">
        <Input value={email} readOnly autoComplete="username" />
      </Field>
      {signedInAs ? (
        <p className="text-sm text-muted-foreground">You are signed in as {email}: accept to join with your account.</p>
      ) : (
        <>
          <Field label="Your name" error={messageFor(state, "name")}>
            <Input name="name" defaultValue={suggestedName} autoComplete="name" />
          </Field>
          <Field
            label="Password"
            description="At least 12 characters. If you already have an account with this e-mail, enter its password instead."
            error={messageFor(state, "password")}
            required
          >
            <Input name="password" type="password" autoComplete="new-password" required />
          </Field>
          <Field label="Confirm password" error={messageFor(state, "confirm")} required>
            <Input name="confirm" type="password" autoComplete="new-password" required />
          </Field>
        </>
      )}
      <Button type="submit" className="w-full" pending={pending}>
        Accept invitation
      </Button>
    </form>
  );
}
