import Link from "next/link";
import { Search } from "lucide-react";
import { webhookStatusSchema } from "@/lib/schemas/webhooks";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { STATUS_LABELS } from "./webhook-status-badge";

type Props = { values: { name?: string; status?: string; eventType?: string }; eventTypes: string[] };

/** A plain GET form: filters live in the URL, work without JavaScript and can be shared. */
export function WebhookFilters({ values, eventTypes }: Props) {
  const active = Boolean(values.name || values.status || values.eventType);
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter webhooks"
      className="grid grid-cols-2 gap-3 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1.5fr)_auto] lg:items-end"
    >
      <div className="col-span-2 grid gap-1.5 lg:col-span-1">
        <Label htmlFor="filter-name">Search by name</Label>
        <div className="relative">
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input id="filter-name" name="name" type="search" defaultValue={values.name} placeholder="Name contains…" className="pl-9" />
        </div>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-status">Status</Label>
        <Select id="filter-status" name="status" defaultValue={values.status ?? ""}>
          <option value="">Any status</option>
          {webhookStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-event-type">Event type</Label>
        <Select id="filter-event-type" name="eventTypes" defaultValue={values.eventType ?? ""}>
          <option value="">Any event type</option>
          {eventTypes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </Select>
      </div>
      <div className="col-span-2 flex gap-2 lg:col-span-1">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {active && (
          <Link href="/developer/webhooks" className={buttonVariants({ variant: "ghost" })}>
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
