import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export function DescriptionList({ className, ...props }: ComponentProps<"dl">) {
  return <dl data-slot="description-list" className={cn("divide-y text-sm", className)} {...props} />;
}

type DescriptionItemProps = {
  term: ReactNode;
  children: ReactNode;
  /** For URLs, ids and secrets: monospace, breaking anywhere so it never overflows. */
  mono?: boolean;
  className?: string;
};

export function DescriptionItem({ term, children, mono = false, className }: DescriptionItemProps) {
  return (
    <div className={cn("grid gap-1 py-3 sm:grid-cols-[minmax(8rem,14rem)_1fr] sm:gap-4", className)}>
      <dt className="font-medium text-muted-foreground">{term}</dt>
      <dd className={cn("min-w-0 [overflow-wrap:anywhere]", mono && "font-mono text-[0.8125rem] break-all")}>{children}</dd>
    </div>
  );
}
