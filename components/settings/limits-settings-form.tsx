"use client";

import { useState, useTransition } from "react";
import type { OrgSettings, UpdateSettingsInput } from "@/lib/schemas/settings";
import type { FieldError } from "@/lib/schemas/common";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

type Save = (
  patch: UpdateSettingsInput,
) => Promise<{ ok: true; data: OrgSettings | { changeRequest: { id: string } } } | { ok: false; error: string; fieldErrors?: FieldError[] }>;
type Key = "publishLimit" | "retentionDays" | "auditRetentionDays";

const FIELDS: { key: Key; label: string; description: string; min: number; max: number }[] = [
  {
    key: "publishLimit",
    label: "Publish limit (events per second)",
    description: "Publishing faster is refused with 429 and Retry-After. 1–100,000; default 10,000.",
    min: 1,
    max: 100_000,
  },
  {
    key: "retentionDays",
    label: "Keep events and deliveries (days)",
    description: "Older events, deliveries and attempts are deleted, diverted ones included. 1–365 days; default 30.",
    min: 1,
    max: 365,
  },
  {
    key: "auditRetentionDays",
    label: "Keep audit entries (days)",
    description: "Older audit entries are deleted. 30–3,650 days; default 365.",
    min: 30,
    max: 3650,
  },
];

/** Publishing limit and retention; saved through the same settings action as the approval rules. */
export function LimitsSettingsForm({ settings, save }: { settings: OrgSettings; save: Save }) {
  const [values, setValues] = useState<Record<Key, string>>({
    publishLimit: String(settings.publishLimit),
    retentionDays: String(settings.retentionDays),
    auditRetentionDays: String(settings.auditRetentionDays),
  });
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setError(null);
      setFieldErrors([]);
      // An empty box is sent as NaN so the schema says "Enter a number …" rather than ignoring it.
      const patch = Object.fromEntries(FIELDS.map(({ key }) => [key, values[key].trim() === "" ? Number.NaN : Number(values[key])])) as UpdateSettingsInput;
      const result = await save(patch);
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? []);
        if (!result.fieldErrors?.length) setError(result.error);
        return;
      }
      // Limits never switch an approval off, so they apply at once; the union is the settings endpoint's.
      if ("changeRequest" in result.data) return void toast("Submitted for approval.");
      setValues({
        publishLimit: String(result.data.publishLimit),
        retentionDays: String(result.data.retentionDays),
        auditRetentionDays: String(result.data.auditRetentionDays),
      });
      toast("Settings saved.");
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-busy={pending || undefined}>
      <Card>
        <CardHeader>
          <CardTitle>Publishing and retention</CardTitle>
          <CardDescription>How fast this organization may publish events, and how long their history is kept.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          {error && (
            <Callout variant="error" role="alert" title="Settings were not saved">
              {error}
            </Callout>
          )}
          {FIELDS.map(({ key, label, description, min, max }) => {
            const messages = fieldErrors.filter((e) => e.path === key).map((e) => e.message);
            return (
              <Field key={key} label={label} description={description} error={messages.length ? messages : undefined}>
                <Input
                  type="number"
                  inputMode="numeric"
                  min={min}
                  max={max}
                  step={1}
                  value={values[key]}
                  onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
                  className="w-40"
                />
              </Field>
            );
          })}
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" pending={pending}>
            Save limits
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
