import type { ReactNode } from "react";
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "./button";

type PaginationProps = {
  /** Index of the first item on this page (0-based), as in the API's `offset`. */
  offset: number;
  /** Page size, as in the API's `count`. */
  count: number;
  total: number;
  /** Builds the link for another page from its offset, e.g. (o) => `?offset=${o}`. */
  href: (offset: number) => string;
  /** Plural noun for the summary, e.g. "webhooks". */
  noun?: string;
  /** Names the navigation landmark; give each one on a page its own. */
  label?: string;
  className?: string;
};

export function Pagination({ offset, count, total, href, noun = "results", label = "Pagination", className }: PaginationProps) {
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + count, total);
  const prev = offset > 0 ? Math.max(0, offset - count) : null;
  const next = offset + count < total ? offset + count : null;
  const fmt = (n: number) => n.toLocaleString("en-US");

  return (
    <nav aria-label={label} className={cn("flex flex-wrap items-center justify-between gap-3 py-3", className)}>
      <p className="text-sm text-muted-foreground">
        Showing {fmt(first)}–{fmt(last)} of {fmt(total)} {noun}
      </p>
      <div className="flex items-center gap-2">
        <PageLink target={prev} href={href} rel="prev">
          <ChevronLeft aria-hidden="true" /> Previous
        </PageLink>
        <PageLink target={next} href={href} rel="next">
          Next <ChevronRight aria-hidden="true" />
        </PageLink>
      </div>
    </nav>
  );
}

function PageLink({ target, href, rel, children }: { target: number | null; href: (offset: number) => string; rel: "prev" | "next"; children: ReactNode }) {
  const classes = buttonVariants({ variant: "outline", size: "sm" });
  if (target === null) {
    // A link cannot be disabled: render inert text in the same place instead.
    return <span className={cn(classes, "cursor-not-allowed text-muted-foreground hover:bg-background hover:text-muted-foreground")}>{children}</span>;
  }
  return (
    <Link href={href(target)} rel={rel} className={classes}>
      {children}
    </Link>
  );
}
