"use client";

import { useState, useTransition } from "react";
import Link from "next/link";
import type { ApprovalSettings, OrgSettings } from "@/lib/schemas/settings";
import type { FieldError } from "@/lib/schemas/common";
import { updateSettingsAction } from "@/lib/actions/settings";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, FieldMessage } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";

const ACTIONS: { key: keyof ApprovalSettings; label: string; hint: string }[] = [
  { key: "create", label: "Creating a webhook", hint: "The new webhook stays Pending and receives nothing until an approver accepts it." },
  { key: "update", label: "Updating a webhook", hint: "The live configuration keeps delivering; the proposal applies once approved." },
  { key: "delete", label: "Deleting a webhook", hint: "The webhook keeps delivering until the deletion is approved." },
];

const messagesFor = (errors: FieldError[], path: string) => errors.filter((e) => e.path === path || e.path.startsWith(`${path}.`)).map((e) => e.message);

/** Which webhook changes need an approver, and how long a request stays open; validated by the server action. */
export function ApprovalSettingsForm({ settings }: { settings: OrgSettings }) {
  const [approvals, setApprovals] = useState<ApprovalSettings>(settings.approvals);
  const [days, setDays] = useState(String(settings.approvalExpiryDays));
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [submittedId, setSubmittedId] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      setError(null);
      setSubmittedId(null);
      setFieldErrors([]);
      // An empty box is sent as NaN so the schema answers "Enter a number of days." rather than ignoring it.
      const approvalExpiryDays = days.trim() === "" ? Number.NaN : Number(days);
      const result = await updateSettingsAction({ approvals, approvalExpiryDays });
      if (!result.ok) {
        setFieldErrors(result.fieldErrors ?? []);
        if (!result.fieldErrors?.length) setError(result.error);
        return;
      }
      if ("changeRequest" in result.data) {
        // Nothing changed yet: the switches show what is live until another approver decides.
        setApprovals(settings.approvals);
        setSubmittedId(result.data.changeRequest.id);
        return;
      }
      setApprovals(result.data.approvals);
      setDays(String(result.data.approvalExpiryDays));
      toast("Settings saved.");
    });
  };

  const daysErrors = messagesFor(fieldErrors, "approvalExpiryDays");
  const approvalErrors = messagesFor(fieldErrors, "approvals");

  return (
    <form onSubmit={save} noValidate aria-busy={pending || undefined}>
      <Card>
        <CardHeader>
          <CardTitle>Approvals</CardTitle>
          <CardDescription>
            Require a second person to approve changes to webhooks. Approvers review the change field by field; the person who asked can never approve it
            themselves. While approvals are on, switching one off is itself a request another approver decides; switching one on applies at once.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          {error && (
            <Callout variant="error" role="alert" title="Settings were not saved">
              {error}
            </Callout>
          )}
          {submittedId && (
            <Callout variant="info" title="Submitted for approval">
              Switching approvals off needs another approver. Nothing changes until they approve{" "}
              <Link href={`/admin/approvals/${submittedId}`} className="font-medium underline underline-offset-4">
                the request
              </Link>
              .
            </Callout>
          )}
          <fieldset className="grid gap-4">
            <legend className="mb-3 text-sm font-medium">Require approval for</legend>
            {ACTIONS.map(({ key, label, hint }) => (
              <div key={key} className="flex items-start gap-3">
                <Switch
                  id={`approval-${key}`}
                  checked={approvals[key]}
                  onCheckedChange={(on) => setApprovals((a) => ({ ...a, [key]: on }))}
                  aria-describedby={`approval-${key}-hint`}
                />
                <div className="grid gap-1">
                  <Label htmlFor={`approval-${key}`}>{label}</Label>
                  <p id={`approval-${key}-hint`} className="text-sm text-muted-foreground">
                    {hint}
                  </p>
                </div>
              </div>
            ))}
            {approvalErrors.length > 0 && <FieldMessage id="approvals-error" error={approvalErrors} />}
          </fieldset>
          <Field
            label="Request expiry (days)"
            description="A request nobody decides within this many days expires and changes nothing. 1–90 days; default 7."
            error={daysErrors.length ? daysErrors : undefined}
          >
            <Input type="number" inputMode="numeric" min={1} max={90} step={1} value={days} onChange={(e) => setDays(e.target.value)} className="w-32" />
          </Field>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" pending={pending}>
            Save settings
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}
