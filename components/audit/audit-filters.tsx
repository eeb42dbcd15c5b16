import { Input } from "@/components/ui/input";
import { Button, buttonVariants } from "@/components/ui/button";

const FIELDS = [
  { name: "actor", label: "Actor", placeholder: "email or key name" },
  { name: "action", label: "Action", placeholder: "e.g. webhook or webhook.updated" },
  { name: "target", label: "Target", placeholder: "name or id" },
] as const;

/** A plain GET form: filters live in the URL, so they work without JavaScript and can be shared. */
export function AuditFilters({ values }: { values: Record<string, string> }) {
  return (
    <form method="get" className="mb-4 grid gap-3 rounded-lg border border-border p-4 sm:grid-cols-2 lg:grid-cols-6 lg:items-end">
      {FIELDS.map((f) => (
        <div key={f.name} className="grid gap-1.5">
          <label htmlFor={`f-${f.name}`} className="text-sm font-medium">
            {f.label}
          </label>
          <Input id={`f-${f.name}`} name={f.name} defaultValue={values[f.name]} placeholder={f.placeholder} />
        </div>
      ))}
      <div className="grid gap-1.5">
        <label htmlFor="f-from" className="text-sm font-medium">
          From
        </label>
        <Input id="f-from" name="from" type="date" defaultValue={values.from} />
      </div>
      <div className="grid gap-1.5">
        <label htmlFor="f-to" className="text-sm font-medium">
          To
        </label>
        <Input id="f-to" name="to" type="date" defaultValue={values.to} />
      </div>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit" size="sm">
          Filter
        </Button>
        <a href="?" className={buttonVariants({ variant: "ghost", size: "sm" })}>
          Clear
        </a>
      </div>
    </form>
  );
}
