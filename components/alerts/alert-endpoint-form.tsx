"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Plus } from "lucide-react";
import { createAlertEndpointAction } from "@/lib/actions/alerts";
import { OPERATIONAL_EVENT_LABELS, OPERATIONAL_EVENT_TYPES, type OperationalEventType } from "@/lib/schemas/alerts";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Field, FieldMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ShownOnceDialog, type ShownOnceSecret } from "@/components/secrets/shown-once-dialog";

type Errors = Record<string, string[]>;

/** Add an operational endpoint: a name, an HTTPS URL, the events it receives; its signing secret is shown once. */
export function AlertEndpointForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [types, setTypes] = useState(new Set<OperationalEventType>(["webhook.failing", "webhook.suspended", "webhook.disabled", "webhook.recovered"]));
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ id: string; secrets: ShownOnceSecret[] } | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = () =>
    startTransition(async () => {
      setError(null);
      setErrors({});
      const result = await createAlertEndpointAction({ name, url, eventTypes: [...types] });
      if (!result.ok) {
        const byPath: Errors = {};
        for (const f of result.fieldErrors ?? []) (byPath[f.path.split(".")[0]] ??= []).push(f.message);
        setErrors(byPath);
        return setError(result.fieldErrors?.length ? null : result.error);
      }
      setName("");
      setUrl("");
      setSecret({ id: result.data.endpoint.id, secrets: [{ label: "Signing secret", value: result.data.signingSecret }] });
    });
  const toggle = (t: OperationalEventType, on: boolean) => {
    const next = new Set(types);
    if (on) next.add(t);
    else next.delete(t);
    setTypes(next);
  };

  return (
    <form
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" required error={errors.name}>
          <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="On-call pager" />
        </Field>
        <Field label="URL" required error={errors.url}>
          <Input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://ops.example.com/alerts" inputMode="url" />
        </Field>
      </div>
      <fieldset className="grid gap-2" aria-describedby={errors.eventTypes ? "alert-types-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">Events it receives</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {OPERATIONAL_EVENT_TYPES.map((t) => (
            <div key={t} className="flex items-start gap-2">
              <Checkbox id={`endpoint-${t}`} checked={types.has(t)} onCheckedChange={(v) => toggle(t, v === true)} className="mt-0.5" />
              <Label htmlFor={`endpoint-${t}`} className="grid gap-0.5 leading-snug">
                <span className="font-mono text-[0.8125rem]">{t}</span>
                <span className="text-xs font-normal text-muted-foreground">{OPERATIONAL_EVENT_LABELS[t]}</span>
              </Label>
            </div>
          ))}
        </div>
        {errors.eventTypes && <FieldMessage id="alert-types-error" error={errors.eventTypes} />}
      </fieldset>
      {error && (
        <Callout variant="error" role="alert">
          {error}
        </Callout>
      )}
      <div>
        <Button type="submit" pending={pending}>
          <Plus aria-hidden="true" /> Add endpoint
        </Button>
      </div>
      <ShownOnceDialog
        title="Alert endpoint added"
        secrets={secret?.secrets ?? null}
        onDone={() => {
          const id = secret?.id;
          setSecret(null);
          if (id) router.push(`/admin/alerts/${id}`);
        }}
      />
    </form>
  );
}
