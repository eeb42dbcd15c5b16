import { PauseCircle } from "lucide-react";
import { Callout } from "@/components/ui/alert";

/** While paused: since when, and how many deliveries wait. */
export function PausedNotice({ pausedAt, backlog }: { pausedAt: string | null; backlog: number | null }) {
  if (!pausedAt) return null;
  const n = backlog ?? 0;
  return (
    <Callout variant="warning" icon={PauseCircle} title="Paused">
      Since {pausedAt.slice(0, 16).replace("T", " ")} UTC. New events queue here instead of being sent or diverted:{" "}
      <strong>
        {n.toLocaleString("en-US")} deliver{n === 1 ? "y is" : "ies are"} waiting
      </strong>
      . Resume to send them in order, at the webhook&apos;s rate limit.
    </Callout>
  );
}
