import { FlaskConical } from "lucide-react";

/** Shown on every page of a demo console: its accounts have public passwords. */
export function DemoBanner() {
  return (
    <div
      role="note"
      aria-label="Demo data"
      className="flex items-center justify-center gap-2 border-b border-warning/40 bg-warning-soft px-4 py-1.5 text-center text-sm"
    >
      <FlaskConical aria-hidden className="size-4 shrink-0 text-warning" />
      <p>
        <strong className="font-semibold">Demo data</strong>
        <span className="text-muted-foreground">
          {" "}
          — accounts with public passwords.<span className="hidden sm:inline"> Do not use this console for real webhooks.</span>
        </span>
      </p>
    </div>
  );
}
