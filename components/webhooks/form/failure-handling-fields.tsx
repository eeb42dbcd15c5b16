"use client";

import { Controller, useFormContext, useWatch } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { useRegister } from "./use-register";
import type { WebhookFormValues } from "@/lib/webhook-form/form-values";

const asNumber = { valueAsNumber: true } as const;

/** Retries and suspension (Socotra's failure handling). */
export function FailureHandlingFields() {
  const { control, formState, getValues, setValue } = useFormContext<WebhookFormValues>();
  const register = useRegister();
  const backoff = useWatch({ control, name: "failureHandling.backoff" });
  const errors = formState.errors.failureHandling;

  return (
    <div className="grid gap-5">
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Max attempts" error={errors?.maxAttempts?.message} description="Tries per event, the first included (1–10).">
          <Input {...register("failureHandling.maxAttempts", asNumber)} type="number" inputMode="numeric" min={1} max={10} step={1} className="w-32" />
        </Field>
        <Field
          label="Suspend after"
          error={errors?.suspendAfterFailures?.message}
          description="Consecutive failed attempts before the webhook is suspended and new events are diverted."
        >
          <Input
            {...register("failureHandling.suspendAfterFailures", asNumber)}
            type="number"
            inputMode="numeric"
            min={1}
            max={10000}
            step={1}
            className="w-32"
          />
        </Field>
      </div>
      <Controller
        control={control}
        name="failureHandling.backoff"
        render={({ field }) => (
          <Field label="Backoff" group>
            <RadioGroup
              value={field.value}
              onValueChange={(v) => {
                field.onChange(v);
                if (v === "linear" && !Number.isFinite(getValues("failureHandling.intervalSeconds"))) setValue("failureHandling.intervalSeconds", 60);
              }}
              className="sm:grid-cols-2"
            >
              <RadioGroupItem value="exponential" label="Exponential" description="About 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h between tries." />
              <RadioGroupItem value="linear" label="Linear" description="The same interval between every try." />
            </RadioGroup>
          </Field>
        )}
      />
      {backoff === "linear" && (
        <Field label="Interval (seconds)" required error={errors?.intervalSeconds?.message} description="Between 1 second and 1 day (86,400).">
          <Input {...register("failureHandling.intervalSeconds", asNumber)} type="number" inputMode="numeric" min={1} max={86400} step={1} className="w-32" />
        </Field>
      )}
    </div>
  );
}
