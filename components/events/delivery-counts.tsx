import { Badge } from "@/components/ui/badge";

type Props = { succeeded: number; pending: number; diverted: number };

/** How an event's deliveries are doing, as words: "2 succeeded · 1 pending · 1 diverted". */
export function DeliveryCounts({ succeeded, pending, diverted }: Props) {
  if (succeeded + pending + diverted === 0) return <span className="text-sm text-muted-foreground">No webhooks</span>;
  return (
    <span className="inline-flex flex-wrap gap-1.5">
      {succeeded > 0 && <Badge variant="success">{succeeded} succeeded</Badge>}
      {pending > 0 && <Badge variant="neutral">{pending} pending</Badge>}
      {diverted > 0 && <Badge variant="danger">{diverted} diverted</Badge>}
    </span>
  );
}
