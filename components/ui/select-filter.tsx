import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/utils/cn";

type Props = {
  /** The form's accessible name, e.g. "Filter events". */
  title: string;
  label: string;
  /** The query parameter the choice is sent as. */
  name: string;
  value?: string;
  /** The first option, meaning "no filter". */
  anyLabel: string;
  options: { value: string; label: string }[];
  clearHref: string;
  className?: string;
};

/** One select in a plain GET form: the filter lives in the URL and works without JavaScript. */
export function SelectFilter({ title, label, name, value, anyLabel, options, clearHref, className }: Props) {
  const id = `filter-${name}`;
  return (
    <form method="get" role="search" aria-label={title} className="flex flex-wrap items-end gap-3">
      <div className={cn("grid w-full gap-1.5 sm:w-72", className)}>
        <Label htmlFor={id}>{label}</Label>
        <Select id={id} name={name} defaultValue={value ?? ""}>
          <option value="">{anyLabel}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {value && (
          <Link href={clearHref} className={buttonVariants({ variant: "ghost" })}>
            Clear
          </Link>
        )}
      </div>
    </form>
  );
}
