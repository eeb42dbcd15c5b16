import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

type Props = { value?: string; webhooks: { id: string; name: string }[]; clearHref: string };

/** A plain GET form: the filter lives in the URL and works without JavaScript. */
export function WebhookFilter({ value, webhooks, clearHref }: Props) {
  return (
    <form method="get" role="search" aria-label="Filter diverted events" className="flex flex-wrap items-end gap-3">
      <div className="grid w-full gap-1.5 sm:w-80">
        <Label htmlFor="filter-webhook">Webhook</Label>
        <Select id="filter-webhook" name="webhookId" defaultValue={value ?? ""}>
          <option value="">All webhooks</option>
          {webhooks.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
        </Select>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">Apply</Button>
        {value && <Link href={clearHref} className={buttonVariants({ variant: "ghost" })}>Clear</Link>}
      </div>
    </form>
  );
}
