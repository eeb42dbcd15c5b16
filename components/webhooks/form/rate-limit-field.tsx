"use client";

import { useId } from "react";
import { Controller, type Control } from "react-hook-form";
import { Slider } from "@/components/ui/slider";
import { Input } from "@/components/ui/input";
import { FieldMessage, fieldIds } from "@/components/ui/field";
import type { WebhookFormValues } from "@/lib/webhook-form/form-values";

const MIN = 1;
const MAX = 100;
const clamp = (n: number) => Math.min(MAX, Math.max(MIN, Math.round(n)));

/** One value, two controls: a slider (arrows ±1, PageUp/PageDown ±10, Home/End) and a number box for exact entry. */
export function RateLimitField({ control }: { control: Control<WebhookFormValues> }) {
  const id = useId();
  const { labelId, descriptionId, errorId } = fieldIds(id);
  return (
    <Controller
      control={control}
      name="rateLimit"
      render={({ field, fieldState }) => {
        const error = fieldState.error?.message;
        const describedBy = [descriptionId, error && errorId].filter(Boolean).join(" ");
        const sliderValue = Number.isFinite(field.value) ? clamp(field.value) : MIN;
        return (
          <div className="grid gap-2" data-slot="field">
            <span id={labelId} className="text-sm leading-none font-medium">
              Rate limit
            </span>
            <div className="flex items-center gap-4">
              <Slider
                id={`${id}-slider`}
                min={MIN}
                max={MAX}
                step={1}
                value={[sliderValue]}
                onValueChange={([v]) => field.onChange(v)}
                onValueCommit={() => field.onBlur()}
                aria-labelledby={labelId}
                aria-describedby={describedBy}
                aria-invalid={error ? true : undefined}
                getValueText={(v) => `${v} requests per second`}
                className="flex-1"
              />
              <div className="flex shrink-0 items-center gap-2">
                <Input
                  id={id}
                  ref={field.ref}
                  name={field.name}
                  type="number"
                  inputMode="numeric"
                  min={MIN}
                  max={MAX}
                  step={1}
                  className="w-20 text-right tabular-nums"
                  aria-labelledby={`${labelId} ${id}-unit`}
                  aria-describedby={describedBy}
                  aria-invalid={error ? true : undefined}
                  value={Number.isFinite(field.value) ? field.value : ""}
                  onChange={(e) => field.onChange(e.target.value === "" ? Number.NaN : e.target.valueAsNumber)}
                  onBlur={field.onBlur}
                />
                <span id={`${id}-unit`} className="text-sm text-muted-foreground">
                  req/s
                </span>
              </div>
            </div>
            <p id={descriptionId} className="text-sm text-muted-foreground">
              At most this many requests per second reach your endpoint, retries and tests included (1–100, default 10).
            </p>
            {error && <FieldMessage id={errorId} error={error} />}
          </div>
        );
      }}
    />
  );
}
