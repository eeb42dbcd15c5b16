"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Send } from "lucide-react";
import { sendTestEventAction } from "@/lib/actions/webhooks";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { AttemptDetails } from "./attempt-details";
import { DeliveryStatusBadge } from "./delivery-labels";
import { useDelivery } from "./use-delivery";

export type TestEventType = { name: string; examplePayload: unknown; subscribed: boolean };
type Props = { org: string; webhookId: string; eventTypes: TestEventType[]; autoFocus?: boolean };

/** Send Test Event: pick a type, see its example payload, send it, and watch the receiver's answer arrive. */
export function TestEventPanel({ org, webhookId, eventTypes, autoFocus }: Props) {
  const [type, setType] = useState(eventTypes[0]?.name ?? "");
  const [deliveryId, setDeliveryId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();
  const selectRef = useRef<HTMLSelectElement>(null);
  const id = useId();
  const { data: delivery } = useDelivery(org, deliveryId);
  const selected = eventTypes.find((t) => t.name === type);
  const attempt = delivery?.attempts_.at(-1);

  useEffect(() => {
    if (!autoFocus) return;
    selectRef.current?.closest("section")?.scrollIntoView({ block: "start" });
    selectRef.current?.focus();
  }, [autoFocus]);

  useEffect(() => {
    if (delivery && delivery.status !== "pending" && delivery.status !== "sending")
      void queryClient.invalidateQueries({ queryKey: ["deliveries", org, webhookId] });
  }, [delivery, org, queryClient, webhookId]);

  const send = () =>
    startTransition(async () => {
      setError(null);
      const result = await sendTestEventAction({ id: webhookId, eventType: type });
      if (!result.ok) return setError(result.fieldErrors?.[0]?.message ?? result.error);
      setDeliveryId(result.data.delivery.id);
      void queryClient.invalidateQueries({ queryKey: ["deliveries", org, webhookId] });
    });

  const subscribed = eventTypes.filter((t) => t.subscribed);
  const others = eventTypes.filter((t) => !t.subscribed);
  const waiting = pending || (deliveryId !== null && (!delivery || !attempt));

  return (
    <Card id="test" aria-labelledby={`${id}-title`} className="scroll-mt-20">
      <CardHeader>
        <CardTitle id={`${id}-title`}>Send Test Event</CardTitle>
        <CardDescription>
          Sends the example payload, marked <code className="font-mono">is_test: true</code>, through the real delivery path: signed, authenticated and
          rate-limited like any event.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="grid gap-4 md:grid-cols-[minmax(0,18rem)_1fr]">
          <div className="grid content-start gap-3">
            <Field id={`${id}-type`} label="Event type">
              <Select ref={selectRef} id={`${id}-type`} value={type} onChange={(e) => setType(e.target.value)}>
                {subscribed.length > 0 && <optgroup label="Subscribed by this webhook">{subscribed.map(option)}</optgroup>}
                <optgroup label={subscribed.length > 0 ? "Rest of the catalog" : "Catalog"}>{others.map(option)}</optgroup>
              </Select>
            </Field>
            <Button onClick={send} pending={pending} disabled={!type} className="w-full sm:w-fit">
              <Send aria-hidden="true" /> Send Test Event
            </Button>
          </div>
          <CodeBlock caption={`Example payload · ${type}`} value={selected?.examplePayload ?? {}} label="example payload" className="[&_pre]:max-h-56" />
        </div>
        {error && (
          <Callout variant="error" role="alert" title="The test event was not sent">
            {error}
          </Callout>
        )}
        <div aria-live="polite" className="grid gap-3">
          {waiting && (
            <p className="flex items-center gap-2 text-sm text-muted-foreground">
              <Spinner /> Waiting for the receiver&apos;s answer…
            </p>
          )}
          {delivery && attempt && (
            <section aria-label="Test result" className="grid gap-3 rounded-lg border p-4">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-semibold">{attempt.errorClass ? "The receiver did not accept the test event" : "The receiver accepted the test event"}</h3>
                <DeliveryStatusBadge status={delivery.status} />
                <span className="text-xs text-muted-foreground">attempt {attempt.attemptNo}</span>
              </div>
              <AttemptDetails attempt={attempt} />
            </section>
          )}
        </div>
      </CardContent>
    </Card>
  );
}

const option = (t: TestEventType) => (
  <option key={t.name} value={t.name}>
    {t.name}
  </option>
);
