"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { RadioGroup as RadioGroupPrimitive } from "radix-ui";
import { cn } from "@/lib/utils/cn";

/** Name the group with aria-label, or wrap it in <Field group>. */
export function RadioGroup({ className, ...props }: ComponentProps<typeof RadioGroupPrimitive.Root>) {
  return <RadioGroupPrimitive.Root data-slot="radio-group" className={cn("grid gap-3", className)} {...props} />;
}

type RadioGroupItemProps = ComponentProps<typeof RadioGroupPrimitive.Item> & {
  label: ReactNode;
  description?: ReactNode;
};

export function RadioGroupItem({ id, label, description, className, ...props }: RadioGroupItemProps) {
  const generated = useId();
  const itemId = id ?? generated;
  const descriptionId = description ? `${itemId}-description` : undefined;
  return (
    <div className={cn("flex items-start gap-2.5", className)}>
      <RadioGroupPrimitive.Item
        id={itemId}
        aria-describedby={descriptionId}
        className={cn(
          "peer mt-0.5 grid size-4 shrink-0 cursor-pointer place-content-center rounded-full border border-input bg-background shadow-xs",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
          "disabled:cursor-not-allowed disabled:opacity-60 data-[state=checked]:border-primary",
        )}
        {...props}
      >
        <RadioGroupPrimitive.Indicator className="size-2 rounded-full bg-primary" />
      </RadioGroupPrimitive.Item>
      <div className="grid gap-0.5">
        <label htmlFor={itemId} className="cursor-pointer text-sm leading-tight font-medium peer-disabled:cursor-not-allowed peer-disabled:opacity-70">
          {label}
        </label>
        {description && (
          <p id={descriptionId} className="text-sm text-muted-foreground">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}
