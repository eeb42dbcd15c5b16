import Link from "next/link";
import { ChevronRight, ChevronsLeft } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";

type Props = {
  /** Where the newest page is, when this is not it. */
  firstHref: string | null;
  /** The next (older) page, when there is one. */
  nextHref: string | null;
  label: string;
  summary: string;
};

/** Keyset pages only go forward: "Newest" back to the start, "Older" onward. */
export function CursorPager({ firstHref, nextHref, label, summary }: Props) {
  if (!firstHref && !nextHref) return <p className="py-3 text-sm text-muted-foreground">{summary}</p>;
  const link = buttonVariants({ variant: "outline", size: "sm" });
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 py-3">
      <p className="text-sm text-muted-foreground">{summary}</p>
      <div className="flex items-center gap-2">
        {firstHref && (
          <Link href={firstHref} className={link}>
            <ChevronsLeft aria-hidden="true" /> Newest
          </Link>
        )}
        {nextHref && (
          <Link href={nextHref} rel="next" className={link}>
            Older <ChevronRight aria-hidden="true" />
          </Link>
        )}
      </div>
    </nav>
  );
}
