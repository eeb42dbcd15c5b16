import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";

type Props = { value?: string; eventTypes: string[]; clearHref: string };

/** A plain GET form: the filter lives in the URL and works without JavaScript. */
export function EventTypeFilter({ value, eventTypes, clearHref }: Props) {
  return (
    <form method="get" role="search" aria-label="Filter events" className="flex flex-wrap items-end gap-3">
      <div className="grid w-full gap-1.5 sm:w-72">
        <Label htmlFor="filter-type">Event type</Label>
        <Select id="filter-type" name="type" defaultValue={value ?? ""}>
          <option value="">Any event type</option>
          {eventTypes.map((t) => <option key={t} value={t}>{t}</option>)}
        </Select>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">Apply</Button>
        {value && <Link href={clearHref} className={buttonVariants({ variant: "ghost" })}>Clear</Link>}
      </div>
    </form>
  );
}
