"use client";

import { useState, useTransition } from "react";
import { History } from "lucide-react";
import { recoverRangeAction } from "@/lib/actions/alerts";
import type { RecoveryJobView } from "@/lib/schemas/recovery";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RecoveryProgress } from "./recovery-progress";

/** <input type="datetime-local"> value for a time, in the browser's zone. */
const localValue = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

/** Recover by time range: every failed or diverted delivery of this webhook between two times, as a job with progress. */
export function RecoverDialog({ webhookId, name, eventTypes }: { webhookId: string; name: string; eventTypes: string[] }) {
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState(() => localValue(Date.now() - 2 * 3600_000));
  // The field has minute precision: round "now" up, so what failed in the last seconds is inside the range.
  const [to, setTo] = useState(() => localValue(Date.now() + 60_000));
  const [types, setTypes] = useState(new Set<string>());
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [job, setJob] = useState<RecoveryJobView | null>(null);
  const [pending, startTransition] = useTransition();

  const start = () =>
    startTransition(async () => {
      setError(null);
      setErrors({});
      const iso = (v: string) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : v);
      const result = await recoverRangeAction({ id: webhookId, range: { from: iso(from), to: iso(to), ...(types.size ? { eventTypes: [...types] } : {}) } });
      if (!result.ok) {
        const byPath: Record<string, string[]> = {};
        for (const f of result.fieldErrors ?? []) (byPath[f.path.replace(/^range\./, "").split(".")[0]] ??= []).push(f.message);
        setErrors(byPath);
        return setError(result.fieldErrors?.length ? null : result.error);
      }
      setJob(result.data);
    });

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) setJob(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <History aria-hidden="true" /> Recover
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle className="[overflow-wrap:anywhere]">Recover {name}</DialogTitle>
          <DialogDescription>
            Redeliver every failed or diverted delivery of events published in this time range. Each goes out again with the same webhook-id and a fresh retry
            budget.
          </DialogDescription>
        </DialogHeader>
        {job ? (
          <RecoveryProgress initial={job} />
        ) : (
          <form
            id="recover-form"
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              start();
            }}
            noValidate
          >
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="From" required error={errors.from}>
                <Input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
              </Field>
              <Field label="To" required error={errors.to}>
                <Input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
              </Field>
            </div>
            {eventTypes.length > 1 && (
              <fieldset className="grid gap-2">
                <legend className="mb-1 text-sm font-medium">
                  Only these event types <span className="font-normal text-muted-foreground">(none ticked: all)</span>
                </legend>
                {eventTypes.map((t) => (
                  <div key={t} className="flex items-center gap-2">
                    <Checkbox
                      id={`recover-${t}`}
                      checked={types.has(t)}
                      onCheckedChange={(v) => {
                        const n = new Set(types);
                        if (v === true) n.add(t);
                        else n.delete(t);
                        setTypes(n);
                      }}
                    />
                    <Label htmlFor={`recover-${t}`} className="font-mono text-[0.8125rem] font-normal">
                      {t}
                    </Label>
                  </div>
                ))}
              </fieldset>
            )}
            {error && (
              <Callout variant="error" role="alert">
                {error}
              </Callout>
            )}
          </form>
        )}
        <DialogFooter>
          {job ? (
            <Button
              variant="secondary"
              onClick={() => {
                setOpen(false);
                setJob(null);
              }}
            >
              Close
            </Button>
          ) : (
            <Button type="submit" form="recover-form" pending={pending}>
              Start recovery
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
