import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** Decorative placeholder; put aria-busy on the region that is loading. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div data-slot="skeleton" aria-hidden="true" className={cn("animate-pulse rounded-md bg-muted", className)} {...props} />;
}
