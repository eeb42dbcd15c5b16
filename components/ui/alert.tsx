import type { ComponentProps, ReactNode } from "react";
import { CircleCheck, CircleX, Info, TriangleAlert, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";

const variants = {
  info: { icon: Info, classes: "border-info/30 bg-info-soft [&>svg]:text-info" },
  success: { icon: CircleCheck, classes: "border-success/30 bg-success-soft [&>svg]:text-success" },
  warning: { icon: TriangleAlert, classes: "border-warning/40 bg-warning-soft [&>svg]:text-warning" },
  error: { icon: CircleX, classes: "border-destructive/40 bg-destructive-soft [&>svg]:text-destructive" },
} satisfies Record<string, { icon: LucideIcon; classes: string }>;

export type CalloutVariant = keyof typeof variants;

type CalloutProps = Omit<ComponentProps<"div">, "title"> & {
  variant?: CalloutVariant;
  title?: ReactNode;
  /** Replace the variant's icon; pass `null` for none. */
  icon?: LucideIcon | null;
  /** No role by default (Next's route announcer already uses role="alert"); pass "status" or "alert" for live messages. */
  role?: "alert" | "status" | "note";
};

export function Callout({ variant = "info", title, icon, role, className, children, ...props }: CalloutProps) {
  const Icon = icon === undefined ? variants[variant].icon : icon;
  return (
    <div
      data-slot="callout"
      data-variant={variant}
      role={role}
      className={cn(
        "relative grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 rounded-lg border p-4 text-sm text-foreground",
        !Icon && "grid-cols-1",
        variants[variant].classes,
        className,
      )}
      {...props}
    >
      {Icon && <Icon aria-hidden="true" className="mt-0.5 size-4" />}
      <div className={cn("grid min-w-0 gap-1 [&_a]:underline [&_a]:underline-offset-2", Icon ? "col-start-2" : "col-start-1")}>
        {title && <p className="leading-tight font-semibold">{title}</p>}
        {children && <div className="[overflow-wrap:anywhere]">{children}</div>}
      </div>
    </div>
  );
}
