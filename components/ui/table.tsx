import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

type TableProps = ComponentProps<"table"> & {
  /** Names the scrollable region for screen readers, e.g. "Webhooks". */
  label?: string;
  wrapperClassName?: string;
};

// The wrapper scrolls sideways on narrow screens; it is focusable so keyboard users can scroll it.
export function Table({ label, wrapperClassName, className, ...props }: TableProps) {
  return (
    <div
      data-slot="table-wrapper"
      role={label ? "region" : undefined}
      aria-label={label}
      tabIndex={0}
      className={cn(
        "relative w-full overflow-x-auto rounded-lg border",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        wrapperClassName,
      )}
    >
      <table className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("bg-muted", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("border-b transition-colors hover:bg-muted/50", className)} {...props} />;
}

export function TH({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn("h-10 px-3 text-left align-middle text-xs font-semibold tracking-wide whitespace-nowrap text-muted-foreground uppercase", className)}
      {...props}
    />
  );
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-2.5 align-middle", className)} {...props} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("px-3 py-2 text-left text-sm text-muted-foreground", className)} {...props} />;
}
