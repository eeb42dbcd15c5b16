"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";

export type ShownOnceSecret = { label: string; value: string };

type Props = { title: string; secrets: ShownOnceSecret[] | null; onDone: () => void };

/** A credential the server generated, shown exactly once: it closes only when the user says it is saved. */
export function ShownOnceDialog({ title, secrets, onDone }: Props) {
  return (
    <Dialog open={Boolean(secrets?.length)}>
      <DialogContent dismissible={false} className="max-w-xl">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription className="flex gap-2">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
            <span>Copy and store it somewhere safe now. It will not be shown again: afterwards it appears only as *****.</span>
          </DialogDescription>
        </DialogHeader>
        <div className="space-y-4">
          {secrets?.map((s) => (
            <div key={s.label} className="space-y-1.5">
              <p className="text-sm font-medium" id={`secret-${s.label}`}>
                {s.label}
              </p>
              <div className="flex items-start gap-2">
                <code
                  aria-labelledby={`secret-${s.label}`}
                  className="min-w-0 flex-1 rounded-md border border-border bg-muted px-3 py-2 font-mono text-sm break-all"
                  data-secret
                >
                  {s.value}
                </code>
                <CopyButton value={s.value} label={s.label} />
              </div>
            </div>
          ))}
        </div>
        <DialogFooter>
          <Button onClick={onDone}>I have saved it</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
