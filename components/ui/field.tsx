import { useId, type ReactElement, type ReactNode } from "react";
import { Slot } from "radix-ui";
import { cn } from "@/lib/utils/cn";
import { Label } from "./label";

export function fieldIds(id: string) {
  return { labelId: `${id}-label`, descriptionId: `${id}-description`, errorId: `${id}-error` };
}

/** The id/aria wiring for a control, for forms that lay out label and messages themselves. */
export function fieldControlProps({ id, hasDescription = false, hasError = false }: { id: string; hasDescription?: boolean; hasError?: boolean }) {
  const { descriptionId, errorId } = fieldIds(id);
  const describedBy = [hasDescription && descriptionId, hasError && errorId].filter(Boolean).join(" ");
  return {
    id,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": hasError ? (true as const) : undefined,
  };
}

export type FieldError = ReactNode | string[];

export function FieldMessage({ id, error }: { id: string; error: FieldError }) {
  const messages = Array.isArray(error) ? error : [error];
  return (
    <div id={id} className="text-sm text-destructive">
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul className="list-disc pl-5">
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

type FieldProps = {
  label: ReactNode;
  /** The control's id; generated when omitted. Do not set an id on the child itself. */
  id?: string;
  description?: ReactNode;
  /** One message or every message for this field (e.g. `fieldErrors.url`). */
  error?: FieldError;
  /** Marks the label and sets aria-required (not `required`, so server validation still shows). */
  required?: boolean;
  /** For composite widgets (radio group, slider): name them with aria-labelledby instead of <label for>. */
  group?: boolean;
  className?: string;
  /** Exactly one control element; it receives id, aria-describedby and aria-invalid. */
  children: ReactElement;
};

export function Field({ label, id, description, error, required, group, className, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const { labelId, descriptionId, errorId } = fieldIds(controlId);
  const hasError = Array.isArray(error) ? error.length > 0 : error != null && error !== false && error !== "";
  const control = fieldControlProps({ id: controlId, hasDescription: !!description, hasError });
  const labelContent = (
    <>
      {label}
      {required && (
        <span aria-hidden="true" className="ml-0.5 text-destructive">
          *
        </span>
      )}
    </>
  );

  return (
    <div data-slot="field" className={cn("grid gap-2", className)}>
      {group ? (
        <span id={labelId} className="text-sm leading-none font-medium">
          {labelContent}
        </span>
      ) : (
        <Label id={labelId} htmlFor={controlId}>
          {labelContent}
        </Label>
      )}
      <Slot.Root {...control} aria-labelledby={group ? labelId : undefined} aria-required={required && !group ? true : undefined}>
        {children}
      </Slot.Root>
      {description && (
        <p id={descriptionId} className="text-sm text-muted-foreground">
          {description}
        </p>
      )}
      {hasError && <FieldMessage id={errorId} error={error} />}
    </div>
  );
}
