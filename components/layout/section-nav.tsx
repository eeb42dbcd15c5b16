"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils/cn";
import type { NavCountKey, NavSection } from "@/lib/nav/nav-config";

type Props = { sections: NavSection[]; counts: Partial<Record<NavCountKey, number>> };

export function SectionNav({ sections, counts }: Props) {
  const pathname = usePathname();
  const active = sections.find((s) => s.links.some((l) => pathname.startsWith(l.href))) ?? sections[0];
  return (
    <div className="mx-auto max-w-7xl px-4 sm:px-6">
      <nav aria-label="Sections" className="flex gap-1">
        {sections.map((s) => (
          <Link
            key={s.id}
            href={s.links[0].href}
            aria-current={s.id === active?.id ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              s.id === active?.id ? "border-primary text-foreground" : "border-transparent text-muted-foreground hover:text-foreground",
            )}
          >
            {s.label}
          </Link>
        ))}
      </nav>
      {active && (
        <nav aria-label={`${active.label} pages`} className="-mx-4 flex gap-1 overflow-x-auto border-t border-border px-4 py-2 sm:mx-0 sm:px-0">
          {active.links.map((l) => {
            const current = pathname.startsWith(l.href);
            const count = l.count ? counts[l.count] : undefined;
            return (
              <Link
                key={l.href}
                href={l.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "flex shrink-0 items-center gap-2 rounded-md px-3 py-1.5 text-sm",
                  current ? "bg-muted font-medium text-foreground" : "text-muted-foreground hover:bg-muted hover:text-foreground",
                )}
              >
                {l.label}
                {count ? (
                  <span className="rounded-full bg-primary px-1.5 text-xs font-semibold text-primary-foreground" aria-label={`${count} pending`}>
                    {count}
                  </span>
                ) : null}
              </Link>
            );
          })}
        </nav>
      )}
    </div>
  );
}
