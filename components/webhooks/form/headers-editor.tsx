"use client";

import { useId } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FieldMessage, fieldControlProps, fieldIds } from "@/components/ui/field";
import { useRegister } from "./use-register";
import type { WebhookFormValues } from "@/lib/webhook-form/form-values";

const MAX_ROWS = 20;

/** Custom headers as rows of name + value; repeat a name to send several values. */
export function HeadersEditor() {
  const id = useId();
  const { control, formState, watch, register: registerRaw } = useFormContext<WebhookFormValues>();
  const register = useRegister();
  const { fields, append, remove } = useFieldArray({ control, name: "headers" });
  const errors = formState.errors.headers;
  const listError = errors?.message ?? errors?.root?.message;

  return (
    <fieldset className="grid gap-3" aria-describedby={`${id}-hint`}>
      <legend className="mb-1 text-sm font-medium">Custom headers</legend>
      <p id={`${id}-hint`} className="text-sm text-muted-foreground">
        Added to every delivery, e.g. to route traffic through your gateway. Authorization and webhook-* headers are set for you. Mark a header Secret to store
        its value encrypted and show it as ***** (leave ***** to keep it).
      </p>
      {fields.length > 0 && (
        <ul className="grid gap-3">
          {fields.map((row, i) => {
            const nameId = `${id}-${i}-name`;
            const valueId = `${id}-${i}-value`;
            const nameError = errors?.[i]?.name?.message;
            const valueError = errors?.[i]?.value?.message;
            const secretId = `${id}-${i}-secret`;
            const secret = !!watch(`headers.${i}.secret`);
            return (
              <li key={row.id} className="grid gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto_auto] sm:items-start">
                <div className="grid gap-1.5">
                  <label htmlFor={nameId} className="text-xs font-medium text-muted-foreground">
                    Header {i + 1} name
                  </label>
                  <Input
                    {...register(`headers.${i}.name`)}
                    {...fieldControlProps({ id: nameId, hasError: !!nameError })}
                    placeholder="X-Team"
                    autoComplete="off"
                    spellCheck={false}
                  />
                  {nameError && <FieldMessage id={fieldIds(nameId).errorId} error={nameError} />}
                </div>
                <div className="grid gap-1.5">
                  <label htmlFor={valueId} className="text-xs font-medium text-muted-foreground">
                    Header {i + 1} value
                  </label>
                  <Input
                    {...register(`headers.${i}.value`)}
                    {...fieldControlProps({ id: valueId, hasError: !!valueError })}
                    type={secret ? "password" : "text"}
                    autoComplete="off"
                    spellCheck={false}
                  />
                  {valueError && <FieldMessage id={fieldIds(valueId).errorId} error={valueError} />}
                </div>
                <label htmlFor={secretId} className="flex items-center gap-2 text-sm sm:mt-8">
                  <input id={secretId} type="checkbox" className="size-4 accent-primary" defaultChecked={secret} {...registerRaw(`headers.${i}.secret`)} />
                  Secret
                </label>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  className="justify-self-start sm:mt-7"
                  aria-label={`Remove header ${i + 1}`}
                  onClick={() => remove(i)}
                >
                  <Trash2 aria-hidden="true" />
                  <span className="sm:hidden">Remove</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {listError && <FieldMessage id={`${id}-error`} error={listError} />}
      <div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={fields.length >= MAX_ROWS}
          onClick={() => append({ name: "", value: "", secret: false }, { shouldFocus: true })}
        >
          <Plus aria-hidden="true" /> Add header
        </Button>
      </div>
    </fieldset>
  );
}
