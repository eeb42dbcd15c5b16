"use client";

import { useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Controller, FormProvider, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { MASK, type Webhook } from "@/lib/schemas/webhooks";
import { createWebhookAction, updateWebhookAction } from "@/lib/actions/webhooks";
import type { ActionResult } from "@/lib/actions/action";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, FieldMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { ShownOnceDialog, type ShownOnceSecret } from "@/components/secrets/shown-once-dialog";
import {
  newWebhookDefaults,
  toCreateInput,
  toUpdateInput,
  webhookFormSchema,
  webhookToFormValues,
  type WebhookFormValues,
} from "@/lib/webhook-form/form-values";
import { mapServerErrors } from "@/lib/webhook-form/server-errors";
import { FormErrorSummary, type FormProblem } from "./form/form-error-summary";
import { AuthFields } from "./form/auth-fields";
import { EventTypePicker, type EventTypeOption } from "./form/event-type-picker";
import { RateLimitField } from "./form/rate-limit-field";
import { HeadersEditor } from "./form/headers-editor";
import { FailureHandlingFields } from "./form/failure-handling-fields";

/** Nothing to subscribe to: the snapshot is false on the server and while hydrating, true once hydrated. */
const noSubscription = () => () => {};

type Props = {
  eventTypes: EventTypeOption[];
  /** The webhook being edited; omit to create one. */
  webhook?: Webhook;
  /** "Create Webhook" / "Update Webhook"; overridden by needsApproval. */
  submitLabel?: string;
  /** The org's settings require approval for this change: the button reads "Submit for Approval". */
  needsApproval?: boolean;
  /** The deployment accepts plain http:// targets (local development). */
  allowHttp?: boolean;
};

type Submitted = { changeRequest: { id: string }; webhook?: Webhook; generatedApiKey?: string };
type Saved = Webhook | Submitted;
const isChangeRequest = (d: Saved): d is Submitted => "changeRequest" in d;
const SUBMITTED = "Submitted for approval. An approver must accept it before it applies.";
type Reveal = { title: string; secrets: ShownOnceSecret[]; href: string; message: string; variant: "success" | "info" };

/** Create and edit share this form: react-hook-form validated by the API's own schema, submitted through server actions. */
export function WebhookForm({ eventTypes, webhook, submitLabel, needsApproval = false, allowHttp = false }: Props) {
  const mode = webhook ? "edit" : "create";
  const stored = webhook?.auth.type ?? null;
  const router = useRouter();
  const [initial] = useState<WebhookFormValues>(() => (webhook ? webhookToFormValues(webhook) : newWebhookDefaults()));
  const [schema] = useState(() => webhookFormSchema(mode, stored));
  const form = useForm<WebhookFormValues>({ resolver: zodResolver(schema), mode: "onBlur", defaultValues: initial });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const [done, setDone] = useState(false);
  // Until hydrated, submitting would be a plain HTML post that saves nothing: keep the button disabled.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const inFlight = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { errors, isSubmitting, submitCount } = form.formState;

  function showFailure(result: Extract<ActionResult<unknown>, { ok: false }>, values: WebhookFormValues) {
    const { fields, unmapped } = mapServerErrors(result.fieldErrors ?? [], values);
    for (const f of fields) form.setError(f.name, { type: "server", message: f.message });
    const stale = mode === "edit" && result.status === 409 && (unmapped.some((e) => e.path === "version") || /version|stale|changed/i.test(result.error));
    if (stale) {
      setProblem({
        stale: true,
        title: "Someone else changed this webhook while you were editing",
        messages: ["Your changes were not saved. Reload to see the latest version, then make your changes again."],
      });
    } else {
      // The server's own sentence (e.g. the active-webhook limit) heads the summary; field messages sit on their fields.
      const messages = unmapped.map((e) => e.message).filter((m, i, all) => m !== result.error && all.indexOf(m) === i);
      setProblem({ title: result.error || "The webhook was not saved", messages });
    }
    if (fields.length > 0 && !stale) form.setFocus(fields[0].name);
    else requestAnimationFrame(() => summaryRef.current?.focus());
  }

  // handleSubmit is called in the submit event, not during render (its callback reads inFlight).
  const onSubmit = (e: FormEvent<HTMLFormElement>) =>
    void form.handleSubmit(async (values) => {
      if (inFlight.current || done) return;
      inFlight.current = true;
      setProblem(null);
      try {
        if (!webhook) {
          const result = await createWebhookAction(toCreateInput(values));
          if (!result.ok) return showFailure(result, values);
          setDone(true);
          const saved = result.data as Saved;
          // A creation awaiting approval still carries the generated credentials, for the requester only and only now.
          const pendingCr = isChangeRequest(saved) ? saved.changeRequest : null;
          const created = isChangeRequest(saved) ? saved.webhook : saved;
          const href = pendingCr ? `/admin/approvals/${pendingCr.id}` : `/developer/webhooks/${created?.id}`;
          if (!created) {
            toast(SUBMITTED, "info");
            return router.push(href);
          }
          const secrets: ShownOnceSecret[] = [];
          if (created.auth.type === "api_key" && values.auth.keyMode === "generate") secrets.push({ label: "API key", value: created.auth.key });
          secrets.push({ label: "Signing secret", value: created.signingSecret });
          setReveal({
            title: pendingCr ? `Webhook “${created.name}” created, pending approval` : `Webhook “${created.name}” created`,
            secrets,
            href,
            message: pendingCr ? SUBMITTED : `Webhook “${created.name}” created.`,
            variant: pendingCr ? "info" : "success",
          });
        } else {
          const patch = toUpdateInput(values, initial, stored, webhook.version);
          if (Object.keys(patch).length === 1) {
            setProblem({ title: "Nothing to update", messages: ["You have not changed any setting yet."] });
            return;
          }
          const result = await updateWebhookAction({ ...patch, id: webhook.id });
          if (!result.ok) return showFailure(result, values);
          setDone(true);
          const saved = result.data as Saved;
          if (isChangeRequest(saved)) {
            const href = `/admin/approvals/${saved.changeRequest.id}`;
            if (saved.generatedApiKey) {
              return setReveal({
                title: `Change to “${webhook.name}” submitted for approval`,
                secrets: [{ label: "API key", value: saved.generatedApiKey }],
                href,
                message: SUBMITTED,
                variant: "info",
              });
            }
            toast(SUBMITTED, "info");
            return router.push(href);
          }
          // Switching to API-key auth without typing a key: the server generated one and returns it this once.
          if (saved.auth.type === "api_key" && saved.auth.key !== MASK) {
            return setReveal({
              title: `Webhook “${saved.name}” updated`,
              secrets: [{ label: "API key", value: saved.auth.key }],
              href: `/developer/webhooks/${saved.id}`,
              message: `Webhook “${saved.name}” updated.`,
              variant: "success",
            });
          }
          toast(`Webhook “${saved.name}” updated.`);
          router.push(`/developer/webhooks/${webhook.id}`);
        }
      } finally {
        inFlight.current = false;
      }
    })(e);

  const pending = isSubmitting || done;
  const label = needsApproval ? "Submit for Approval" : (submitLabel ?? (webhook ? "Update Webhook" : "Create Webhook"));
  const cancelHref = webhook ? `/developer/webhooks/${webhook.id}` : "/developer/webhooks";

  return (
    <FormProvider {...form}>
      <form method="post" onSubmit={onSubmit} noValidate className="grid gap-6" aria-busy={pending || undefined}>
        <FormErrorSummary ref={summaryRef} problem={problem} errors={errors} listFields={submitCount > 0} onFocusField={(name) => form.setFocus(name)}>
          {problem?.stale && (
            <Button type="button" variant="outline" size="sm" className="mt-2" onClick={() => window.location.reload()}>
              Reload the latest version
            </Button>
          )}
        </FormErrorSummary>

        <Card>
          <CardHeader>
            <CardTitle>Endpoint</CardTitle>
            <CardDescription>Where events are delivered.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-5">
            <Field label="Name" required error={errors.name?.message} description="Unique in this organization, up to 100 characters.">
              <Input {...form.register("name")} defaultValue={initial.name} autoComplete="off" maxLength={100} />
            </Field>
            <Field
              label="URL"
              required
              error={errors.url?.message}
              description={
                allowHttp
                  ? "HTTPS only in production; this deployment also accepts http:// for local development. No query string."
                  : "HTTPS only, e.g. https://example.com/webhooks. No query string."
              }
            >
              <Input
                {...form.register("url")}
                defaultValue={initial.url}
                type="url"
                inputMode="url"
                placeholder="https://example.com/webhooks"
                autoComplete="off"
                spellCheck={false}
              />
            </Field>
            <Controller
              control={form.control}
              name="enabled"
              render={({ field, fieldState }) => (
                <div className="flex items-start gap-3">
                  <Switch
                    id="webhook-enabled"
                    ref={field.ref}
                    checked={field.value}
                    onCheckedChange={field.onChange}
                    aria-invalid={fieldState.error ? true : undefined}
                    aria-describedby={fieldState.error ? "webhook-enabled-hint webhook-enabled-error" : "webhook-enabled-hint"}
                  />
                  <div className="grid gap-1">
                    <Label htmlFor="webhook-enabled">Enabled</Label>
                    <p id="webhook-enabled-hint" className="text-sm text-muted-foreground">
                      A disabled webhook keeps its settings but receives no events and does not count towards the 10 active.
                    </p>
                    {fieldState.error && <FieldMessage id="webhook-enabled-error" error={fieldState.error.message} />}
                  </div>
                </div>
              )}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Authentication</CardTitle>
          </CardHeader>
          <CardContent>
            <AuthFields stored={stored} initial={webhook ? initial : undefined} />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Events</CardTitle>
            <CardDescription>Which events this webhook receives and how much of each it gets.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6">
            <Controller
              control={form.control}
              name="eventTypes"
              render={({ field, fieldState }) => (
                <EventTypePicker
                  options={eventTypes}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={fieldState.error?.message}
                  focusRef={field.ref}
                />
              )}
            />
            <Controller
              control={form.control}
              name="payload"
              render={({ field }) => (
                <Field label="Payload" group>
                  <RadioGroup value={field.value} onValueChange={field.onChange} className="sm:grid-cols-2">
                    <RadioGroupItem value="thin" label="Thin" description="The envelope only (id, type, time); fetch details with Get Event." />
                    <RadioGroupItem value="full" label="Full" description="The envelope plus the event's data, so no second call is needed." />
                  </RadioGroup>
                </Field>
              )}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Delivery</CardTitle>
            <CardDescription>Pace, retries and when to stop trying.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6">
            <RateLimitField control={form.control} />
            <FailureHandlingFields />
          </CardContent>
        </Card>

        <Card>
          <CardContent className="pt-4 sm:pt-6">
            <HeadersEditor />
          </CardContent>
        </Card>

        {needsApproval && (
          <p className="text-sm text-muted-foreground sm:text-right">
            This organization requires approval to {webhook ? "update" : "create"} webhooks: an approver must accept the change before it applies.
          </p>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Link href={cancelHref} className={buttonVariants({ variant: "outline" })}>
            Cancel
          </Link>
          <Button type="submit" pending={pending} disabled={!hydrated}>
            {label}
          </Button>
        </div>
      </form>

      <ShownOnceDialog
        title={reveal?.title ?? ""}
        secrets={reveal?.secrets ?? null}
        onDone={() => {
          const { href, message, variant } = reveal!;
          setReveal(null);
          toast(message, variant);
          router.push(href);
        }}
      />
    </FormProvider>
  );
}
