"use client";

import { useState, type ComponentProps } from "react";
import { Slider as SliderPrimitive } from "radix-ui";
import { cn } from "@/lib/utils/cn";

type SliderProps = ComponentProps<typeof SliderPrimitive.Root> & {
  /** Per-thumb accessible names for range sliders; a single thumb uses aria-label / aria-labelledby. */
  thumbLabels?: string[];
  /** Spoken value, e.g. (v) => `${v} requests per second`. */
  getValueText?: (value: number) => string;
};

// Naming and description props belong on the focusable thumb (role="slider"), not the root.
export function Slider({
  id,
  className,
  value,
  defaultValue,
  onValueChange,
  min = 0,
  thumbLabels,
  getValueText,
  "aria-label": ariaLabel,
  "aria-labelledby": ariaLabelledBy,
  "aria-describedby": ariaDescribedBy,
  "aria-invalid": ariaInvalid,
  ...props
}: SliderProps) {
  const [uncontrolled, setUncontrolled] = useState(defaultValue ?? [min]);
  const current = value ?? uncontrolled;

  return (
    <SliderPrimitive.Root
      data-slot="slider"
      className={cn(
        "relative flex w-full touch-none items-center py-2 select-none data-[disabled]:opacity-60",
        "data-[orientation=vertical]:h-full data-[orientation=vertical]:w-auto data-[orientation=vertical]:flex-col",
        className,
      )}
      value={value}
      defaultValue={defaultValue}
      min={min}
      onValueChange={(next) => {
        setUncontrolled(next);
        onValueChange?.(next);
      }}
      {...props}
    >
      <SliderPrimitive.Track className="relative h-2 w-full grow overflow-hidden rounded-full bg-muted ring-1 ring-input ring-inset data-[orientation=vertical]:h-full data-[orientation=vertical]:w-2">
        <SliderPrimitive.Range className="absolute h-full bg-primary data-[orientation=vertical]:w-full" />
      </SliderPrimitive.Track>
      {current.map((v, i) => (
        <SliderPrimitive.Thumb
          key={i}
          id={i === 0 ? id : undefined}
          aria-label={thumbLabels?.[i] ?? ariaLabel}
          aria-labelledby={thumbLabels?.[i] ? undefined : ariaLabelledBy}
          aria-describedby={ariaDescribedBy}
          aria-invalid={ariaInvalid}
          aria-valuetext={getValueText?.(v)}
          className={cn(
            "block size-5 cursor-grab rounded-full border-2 border-primary bg-background shadow transition-colors",
            "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
            "hover:bg-accent active:cursor-grabbing data-[disabled]:pointer-events-none",
          )}
        />
      ))}
    </SliderPrimitive.Root>
  );
}
