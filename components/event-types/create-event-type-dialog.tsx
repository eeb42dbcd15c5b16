"use client";

import { useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { Plus } from "lucide-react";
import { createEventTypeSchema } from "@/lib/schemas/event-types";
import { createEventTypeAction } from "@/lib/actions/event-types";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/** The API schema, with the example payload typed as JSON text and checked to be an object. */
const formSchema = createEventTypeSchema.extend({
  examplePayload: z.string().superRefine((text, ctx) => {
    if (!text.trim()) return;
    try {
      const value: unknown = JSON.parse(text);
      if (!value || typeof value !== "object" || Array.isArray(value))
        ctx.addIssue({ code: "custom", message: 'The example payload must be a JSON object, e.g. { "order_id": "ord_1" }.' });
    } catch (err) {
      ctx.addIssue({ code: "custom", message: `This is not valid JSON: ${(err as Error).message}` });
    }
  }),
});
type FormValues = z.input<typeof formSchema>;
const fields = ["name", "description", "examplePayload"] as const;

export function CreateEventTypeDialog() {
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    mode: "onBlur",
    defaultValues: { name: "", description: "", examplePayload: "{\n  \n}" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const text = (values.examplePayload ?? "").trim();
    const result = await createEventTypeAction({
      name: values.name,
      description: values.description,
      examplePayload: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    });
    if (!result.ok) {
      const mapped = (result.fieldErrors ?? []).filter((e) => fields.includes(e.path.split(".")[0] as (typeof fields)[number]));
      mapped.forEach((e) => form.setError(e.path.split(".")[0] as (typeof fields)[number], { message: e.message }));
      if (mapped.length === 0) setFormError(result.error);
      return;
    }
    setOpen(false);
    form.reset();
    toast(`Event type ${result.data.name} added.`);
  });

  return (
    <Dialog open={open} onOpenChange={(o) => !isSubmitting && setOpen(o)}>
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden="true" /> Add event type
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-xl">
        <form onSubmit={onSubmit} noValidate className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Add event type</DialogTitle>
            <DialogDescription>Webhooks can subscribe to it as soon as it exists; producers publish it with POST /events.</DialogDescription>
          </DialogHeader>
          {formError && <Callout variant="error">{formError}</Callout>}
          <Field label="Name" required error={errors.name?.message} description="Dotted lowercase; the first part is its group, e.g. order.refunded.">
            <Input {...form.register("name")} autoComplete="off" spellCheck={false} className="font-mono" />
          </Field>
          <Field label="Description" error={errors.description?.message}>
            <Input {...form.register("description")} autoComplete="off" />
          </Field>
          <Field
            label="Example payload"
            error={errors.examplePayload?.message}
            description="A JSON object: the event's data, shown to people choosing event types."
          >
            <Textarea {...form.register("examplePayload")} rows={8} spellCheck={false} className="font-mono text-xs" />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" pending={isSubmitting}>
              Add event type
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
