"use client";

import { useFormContext, type FieldPath, type RegisterOptions } from "react-hook-form";
import type { WebhookFormValues } from "@/lib/webhook-form/form-values";

/** register() plus the current value as defaultValue, so server-rendered HTML already shows it before hydration. */
export function useRegister() {
  const { register, getValues } = useFormContext<WebhookFormValues>();
  return <N extends FieldPath<WebhookFormValues>>(name: N, options?: RegisterOptions<WebhookFormValues, N>) => {
    const value = getValues(name);
    return { ...register(name, options), defaultValue: typeof value === "number" && !Number.isFinite(value) ? "" : (value as string | number | undefined) };
  };
}
