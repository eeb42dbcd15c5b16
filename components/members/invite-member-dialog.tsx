"use client";

import { useState, useTransition } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { UserPlus } from "lucide-react";
import { inviteMemberSchema, type InviteMemberInput } from "@/lib/schemas/members";
import { inviteMemberAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { InviteLinkDialog, type IssuedInvite } from "./invite-link-dialog";
import { RoleCheckboxes } from "@/components/api-keys/role-checkboxes";

export function InviteMemberDialog() {
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedInvite | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<InviteMemberInput>({
    resolver: zodResolver(inviteMemberSchema),
    mode: "onBlur",
    defaultValues: { email: "", name: "", roles: ["viewer"] },
  });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit((input) =>
    startTransition(async () => {
      setFormError(null);
      const result = await inviteMemberAction(input);
      if (!result.ok) {
        result.fieldErrors?.forEach((e) => form.setError(e.path.split(".")[0] as keyof InviteMemberInput, { message: e.message }));
        if (!result.fieldErrors?.length) setFormError(result.error);
        return;
      }
      setOpen(false);
      form.reset();
      setIssued({
        email: result.data.invite.email,
        url: new URL(result.data.invitePath, window.location.origin).toString(),
        changeRequestId: result.data.changeRequestId,
      });
    }),
  );

  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button>
            <UserPlus aria-hidden /> Invite member
          </Button>
        </DialogTrigger>
        <DialogContent>
          <form onSubmit={onSubmit} noValidate className="space-y-5">
            <DialogHeader>
              <DialogTitle>Invite a member</DialogTitle>
              <DialogDescription>
                You get a one-time link, valid 72 hours, to pass on. The person opens it and chooses their own password; nobody else ever sees it. Nothing is
                added until they accept.
              </DialogDescription>
            </DialogHeader>
            {formError && <p className="rounded-md border border-destructive/40 bg-destructive-soft px-3 py-2 text-sm text-destructive">{formError}</p>}
            <Field label="Email" error={errors.email?.message} required>
              <Input type="email" autoComplete="off" {...form.register("email")} />
            </Field>
            <Field label="Name" error={errors.name?.message}>
              <Input autoComplete="off" {...form.register("name")} />
            </Field>
            <Controller
              control={form.control}
              name="roles"
              render={({ field }) => <RoleCheckboxes value={field.value} onChange={field.onChange} error={errors.roles?.message} />}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" pending={pending}>
                Invite
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <InviteLinkDialog invite={issued} onDone={() => setIssued(null)} />
    </>
  );
}
