"use client";

import { useActionState } from "react";
import { Callout } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export type SetupFormState = { error?: string; fieldErrors?: Record<string, string>; values?: { token: string; orgName: string; email: string; name: string } };

/** The first-admin form. The action is passed in (client components do not import server actions). */
export function SetupForm({ action }: { action: (prev: SetupFormState, form: FormData) => Promise<SetupFormState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} className="grid gap-5" noValidate>
      {state.error && (
        <Callout variant="error" role="status" aria-live="polite">
          {state.error}
        </Callout>
      )}
      <Field label="Setup token" required error={errors.token} description="Printed once in the server log when it started; it begins with wcsetup_.">
        <Input name="token" autoComplete="off" spellCheck={false} className="font-mono" defaultValue={state.values?.token} />
      </Field>
      <Field label="Organization name" required error={errors.orgName}>
        <Input name="orgName" defaultValue={state.values?.orgName} placeholder="Acme Payments" />
      </Field>
      <Field label="Your name" error={errors.name}>
        <Input name="name" autoComplete="name" defaultValue={state.values?.name} />
      </Field>
      <Field label="Your email" required error={errors.email}>
        <Input name="email" type="email" autoComplete="username" defaultValue={state.values?.email} />
      </Field>
      <Field label="Password" required error={errors.password} description="At least 12 characters. Only you will know it.">
        <Input name="password" type="password" autoComplete="new-password" />
      </Field>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? "Creating…" : "Create organization and admin"}
      </Button>
    </form>
  );
}
