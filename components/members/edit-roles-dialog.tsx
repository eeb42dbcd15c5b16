"use client";

import { useState, useTransition } from "react";
import type { Role } from "@/lib/schemas/roles";
import { updateMemberRolesAction } from "@/lib/actions/members";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { RoleCheckboxes } from "@/components/api-keys/role-checkboxes";
import { toast } from "@/components/ui/toast";

type Props = { userId: string; email: string; roles: string[]; isSelf: boolean };

export function EditRolesDialog({ userId, email, roles, isSelf }: Props) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState<string[]>(roles);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const result = await updateMemberRolesAction({ userId, roles: value as Role[] });
      if (!result.ok) return setError(result.fieldErrors?.[0]?.message ?? result.error);
      setOpen(false);
      if ("changeRequest" in result.data) toast("Granting the approver role needs another approver: the request is in the approvals inbox.");
    });
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        setValue(roles);
        setError(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Edit roles of ${email}`}>
          Edit roles
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Roles of {email}</DialogTitle>
          <DialogDescription>
            {isSelf ? "These are your own roles: removing admin ends your access to this page." : "Changes apply from their next request."}
          </DialogDescription>
        </DialogHeader>
        <RoleCheckboxes value={value} onChange={setValue} error={error ?? undefined} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button onClick={save} pending={pending}>
            Save roles
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
