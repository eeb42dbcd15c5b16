import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./input";

export function Textarea({ className, rows = 4, ...props }: ComponentProps<"textarea">) {
  return <textarea data-slot="textarea" rows={rows} className={cn(controlClasses, "min-h-20 py-2 leading-relaxed", className)} {...props} />;
}
