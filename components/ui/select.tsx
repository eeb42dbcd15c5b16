import type { ComponentProps } from "react";
import { ChevronDown } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./input";

type SelectProps = ComponentProps<"select"> & {
  /** Classes for the <select> itself; `className` sizes the wrapper (e.g. "w-48"). */
  selectClassName?: string;
};

// A styled native <select>: keyboard, screen-reader and mobile behaviour come for free.
export function Select({ className, selectClassName, children, multiple, ...props }: SelectProps) {
  return (
    <div className={cn("relative w-full min-w-0", className)}>
      <select
        data-slot="select"
        multiple={multiple}
        className={cn(controlClasses, multiple ? "py-1" : "h-10 cursor-pointer appearance-none py-2 pr-9", selectClassName)}
        {...props}
      >
        {children}
      </select>
      {!multiple && <ChevronDown aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-muted-foreground" />}
    </div>
  );
}
