import { Badge } from "@/components/ui/badge";

/** "N of 10 active": the organization's limit on active webhooks (Paxos), warning as it fills up. */
export function ActiveCount({ active, limit }: { active: number; limit: number }) {
  const variant = active >= limit ? "danger" : active >= limit - 2 ? "warning" : "neutral";
  return (
    <Badge variant={variant} title={active >= limit ? "Disable or delete one to add another." : undefined} data-testid="active-count">
      {active} of {limit} active
    </Badge>
  );
}
