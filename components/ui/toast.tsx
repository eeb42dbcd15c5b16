"use client";

import { useEffect, useSyncExternalStore } from "react";
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import { cn } from "@/lib/utils/cn";

type ToastItem = { id: number; message: string; variant: "success" | "info" | "error" };

// A module-level queue survives client navigations, so a page can toast and then router.push().
let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const EMPTY: ToastItem[] = [];
const emit = () => listeners.forEach((l) => l());

export function dismissToast(id: number) {
  items = items.filter((t) => t.id !== id);
  emit();
}

export function toast(message: string, variant: ToastItem["variant"] = "success") {
  const id = nextId++;
  items = [...items, { id, message, variant }];
  emit();
}

// The 6 s start when a Toaster first shows the toast, not when it is queued: a slow navigation must not eat it.
const scheduled = new Set<number>();
function scheduleDismissals(list: ToastItem[]) {
  for (const t of list) {
    if (scheduled.has(t.id)) continue;
    scheduled.add(t.id);
    setTimeout(() => dismissToast(t.id), 6000);
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Renders queued toasts in a polite live region. Mount once per page that shows them. */
export function Toaster() {
  const list = useSyncExternalStore(
    subscribe,
    () => items,
    () => EMPTY,
  );
  useEffect(() => scheduleDismissals(list), [list]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 left-4 z-50 grid justify-items-end gap-2 sm:left-auto">
      {list.map((t) => {
        const Icon = { success: CircleCheck, info: Info, error: CircleAlert }[t.variant];
        return (
          <div
            key={t.id}
            data-slot="toast"
            className="pointer-events-auto flex w-full max-w-sm animate-pop-in items-start gap-3 rounded-lg border bg-card p-3 text-sm text-card-foreground shadow-lg"
          >
            <Icon
              aria-hidden="true"
              className={cn("mt-0.5 size-4 shrink-0", { success: "text-success", info: "text-info", error: "text-destructive" }[t.variant])}
            />
            <p className="min-w-0 flex-1 [overflow-wrap:anywhere]">{t.message}</p>
            <button
              type="button"
              aria-label="Dismiss"
              onClick={() => dismissToast(t.id)}
              className="-m-1 rounded-md p-1 text-muted-foreground hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
            >
              <X aria-hidden="true" className="size-4" />
            </button>
          </div>
        );
      })}
    </div>
  );
}
