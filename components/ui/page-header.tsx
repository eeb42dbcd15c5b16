import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links on the right; they wrap below the title on narrow screens. */
  actions?: ReactNode;
  /** Next to the title, e.g. a status Badge. */
  meta?: ReactNode;
  /** Above the title, e.g. a back link or breadcrumb. */
  eyebrow?: ReactNode;
  className?: string;
};

export function PageHeader({ title, description, actions, meta, eyebrow, className }: PageHeaderProps) {
  return (
    <div data-slot="page-header" className={cn("mb-6 flex flex-wrap items-start justify-between gap-4", className)}>
      <div className="grid min-w-0 flex-[1_1_16rem] gap-1.5">
        {eyebrow && <div className="text-sm text-muted-foreground">{eyebrow}</div>}
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="min-w-0 text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{title}</h1>
          {meta}
        </div>
        {description && <p className="max-w-prose text-sm text-muted-foreground">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}
