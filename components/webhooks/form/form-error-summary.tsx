"use client";

import type { ReactNode, Ref } from "react";
import type { FieldErrors, FieldPath } from "react-hook-form";
import { Callout } from "@/components/ui/alert";
import type { WebhookFormValues } from "@/lib/webhook-form/form-values";

export type FormProblem = { title: string; messages: string[]; stale?: boolean };

type Props = {
  problem: FormProblem | null;
  errors: FieldErrors<WebhookFormValues>;
  /** Show the list of invalid fields (after a submit attempt, not while typing). */
  listFields: boolean;
  onFocusField: (name: FieldPath<WebhookFormValues>) => void;
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
};

/** Leaf errors of react-hook-form's nested error tree as (path, message). */
export function flattenErrors(errors: object, prefix = ""): { name: string; message: string }[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (!value || typeof value !== "object" || key === "ref") return [];
    const name = key === "root" ? prefix.slice(0, -1) : `${prefix}${key}`;
    const own = typeof (value as { message?: unknown }).message === "string" ? [{ name, message: (value as { message: string }).message }] : [];
    return own.length ? own : flattenErrors(value as object, `${name}.`);
  });
}

/** The form-level summary: what the server said that belongs to no field, and links to each invalid field. */
export function FormErrorSummary({ problem, errors, listFields, onFocusField, children, ref }: Props) {
  const fields = listFields ? flattenErrors(errors) : [];
  if (!problem && fields.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="focus-visible:outline-none" data-testid="form-error-summary">
      <Callout variant={problem?.stale ? "warning" : "error"} title={problem?.title ?? "Some fields need attention"}>
        {problem?.messages.map((m) => (
          <p key={m}>{m}</p>
        ))}
        {fields.length > 0 && (
          <ul className="mt-1 list-disc pl-5">
            {fields.map((f) => (
              <li key={f.name}>
                <button type="button" className="text-left underline underline-offset-2" onClick={() => onFocusField(f.name as FieldPath<WebhookFormValues>)}>
                  {f.message}
                </button>
              </li>
            ))}
          </ul>
        )}
        {children}
      </Callout>
    </div>
  );
}
