"use client";

import { useState, useTransition } from "react";
import { useForm, Controller } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { Plus } from "lucide-react";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/schemas/api-keys";
import { createApiKeyAction } from "@/lib/actions/api-keys";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { ShownOnceDialog, type ShownOnceSecret } from "@/components/secrets/shown-once-dialog";
import { RoleCheckboxes } from "./role-checkboxes";

export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<ShownOnceSecret[] | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const form = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeySchema), mode: "onBlur", defaultValues: { name: "", roles: ["viewer"] } });
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit((input) =>
    startTransition(async () => {
      setFormError(null);
      const result = await createApiKeyAction(input);
      if (!result.ok) {
        result.fieldErrors?.forEach((e) => form.setError(e.path.split(".")[0] as keyof CreateApiKeyInput, { message: e.message }));
        if (!result.fieldErrors?.length) setFormError(result.error);
        return;
      }
      setOpen(false);
      form.reset();
      setSecret([{ label: `API key “${result.data.name}”`, value: result.data.key }]);
    }),
  );

  return (
    <>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogTrigger asChild>
          <Button>
            <Plus aria-hidden /> Create API key
          </Button>
        </DialogTrigger>
        <DialogContent>
          <form onSubmit={onSubmit} noValidate className="space-y-5">
            <DialogHeader>
              <DialogTitle>Create API key</DialogTitle>
              <DialogDescription>The key acts with the roles you choose here, in this organization only.</DialogDescription>
            </DialogHeader>
            {formError && <p className="rounded-md border border-destructive/40 bg-destructive-soft px-3 py-2 text-sm text-destructive">{formError}</p>}
            <Field label="Name" error={errors.name?.message} required description="What uses it, e.g. “ci” or “billing-service”.">
              <Input autoComplete="off" {...form.register("name")} />
            </Field>
            <Controller
              control={form.control}
              name="roles"
              render={({ field }) => (
                <RoleCheckboxes value={field.value} onChange={field.onChange} error={errors.roles?.message ?? errors.roles?.[0]?.message} />
              )}
            />
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" pending={pending}>
                Create key
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
      <ShownOnceDialog title="Your new API key" secrets={secret} onDone={() => setSecret(null)} />
    </>
  );
}
