"use client";

import { useState } from "react";
import { X } from "lucide-react";
import { cn } from "@/lib/utils/cn";

/** A notice with a close button; it only hides what the server already marked as seen. */
export function DismissibleNotice({ className, children }: { className?: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  return (
    <div className={cn("relative", className)}>
      {children}
      <button
        type="button"
        aria-label="Dismiss notice"
        onClick={() => setOpen(false)}
        className="absolute top-3 right-3 rounded-md p-1 text-muted-foreground hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
      >
        <X aria-hidden="true" className="size-4" />
      </button>
    </div>
  );
}
