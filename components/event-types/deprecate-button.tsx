"use client";

import { useTransition } from "react";
import { updateEventTypeAction } from "@/lib/actions/event-types";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

/** Marks an event type deprecated (webhooks keep receiving it; new subscriptions are discouraged) or back. */
export function DeprecateButton({ id, name, deprecated }: { id: string; name: string; deprecated: boolean }) {
  const [pending, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      const result = await updateEventTypeAction({ id, deprecated: !deprecated });
      if (!result.ok) return toast(result.error, "info");
      toast(deprecated ? `${name} is no longer deprecated.` : `${name} marked deprecated.`);
    });
  return (
    <Button variant="outline" size="sm" pending={pending} onClick={toggle}>
      {deprecated ? "Undeprecate" : "Mark deprecated"}
      <span className="sr-only"> {name}</span>
    </Button>
  );
}
