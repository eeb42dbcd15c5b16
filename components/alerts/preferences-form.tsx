"use client";

import { useState, useTransition } from "react";
import { savePreferencesAction } from "@/lib/actions/alerts";
import { OPERATIONAL_EVENT_LABELS, OPERATIONAL_EVENT_TYPES, type OperationalEventType, type PreferencesInput } from "@/lib/schemas/alerts";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";

/** E-mail on or off, and which operational events to receive by e-mail (in-app notifications are always kept). */
export function PreferencesForm({ initial, mailConfigured }: { initial: PreferencesInput; mailConfigured: boolean }) {
  const [emailEnabled, setEmailEnabled] = useState(initial.emailEnabled);
  const [muted, setMuted] = useState(new Set<OperationalEventType>(initial.mutedTypes));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const save = () =>
    startTransition(async () => {
      setError(null);
      const result = await savePreferencesAction({ emailEnabled, mutedTypes: [...muted] });
      if (!result.ok) return setError(result.error);
      toast("Alert preferences saved.");
    });
  const toggle = (type: OperationalEventType, on: boolean) => {
    const next = new Set(muted);
    if (on) next.delete(type);
    else next.add(type);
    setMuted(next);
  };

  return (
    <form
      className="grid gap-5"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {!mailConfigured && (
        <Callout variant="info" title="E-mail is not set up on this server">
          Alerts are shown in the console only until an operator sets SMTP_URL. Your choices are kept for then.
        </Callout>
      )}
      <div className="flex items-center gap-3">
        <Switch id="email-enabled" checked={emailEnabled} onCheckedChange={setEmailEnabled} />
        <Label htmlFor="email-enabled">Send me alerts by e-mail</Label>
      </div>
      <fieldset className="grid gap-3" disabled={!emailEnabled}>
        <legend className="mb-2 text-sm font-medium">E-mail me when</legend>
        {OPERATIONAL_EVENT_TYPES.map((type) => (
          <div key={type} className="flex items-start gap-3">
            <Checkbox id={`pref-${type}`} checked={!muted.has(type)} onCheckedChange={(v) => toggle(type, v === true)} className="mt-0.5" />
            <Label htmlFor={`pref-${type}`} className="grid gap-0.5 leading-snug">
              <span>{OPERATIONAL_EVENT_LABELS[type]}</span>
              <span className="font-mono text-xs font-normal text-muted-foreground">{type}</span>
            </Label>
          </div>
        ))}
      </fieldset>
      {error && (
        <Callout variant="error" role="alert">
          {error}
        </Callout>
      )}
      <div>
        <Button type="submit" pending={pending}>
          Save preferences
        </Button>
      </div>
    </form>
  );
}
