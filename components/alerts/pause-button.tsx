"use client";

import { useState, useTransition } from "react";
import { Pause, Play } from "lucide-react";
import { setPausedAction } from "@/lib/actions/alerts";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

/** Pause (events queue, nothing is sent or diverted) or resume (the backlog drains at the rate limit). */
export function PauseButton({ id, paused }: { id: string; paused: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const toggle = () =>
    startTransition(async () => {
      setError(null);
      const result = await setPausedAction({ id, paused: !paused });
      if (!result.ok) return setError(result.error);
      toast(paused ? "Resumed. Queued events are delivered at the webhook's rate limit." : "Paused. New events queue until you resume.");
    });
  return (
    <>
      <Button variant="outline" pending={pending} onClick={toggle}>
        {paused ? (
          <>
            <Play aria-hidden="true" /> Resume
          </>
        ) : (
          <>
            <Pause aria-hidden="true" /> Pause
          </>
        )}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-destructive">
          {error}
        </span>
      )}
    </>
  );
}
