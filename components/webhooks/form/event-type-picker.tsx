"use client";

import { useId, useMemo, useState } from "react";
import { Search } from "lucide-react";
import { eventTypeGroup } from "@/lib/schemas/event-types";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FieldMessage } from "@/components/ui/field";

export type EventTypeOption = { name: string; description: string; deprecated: boolean };

type Props = {
  options: EventTypeOption[];
  value: string[];
  onChange: (next: string[]) => void;
  onBlur?: () => void;
  error?: string;
  /** Where to move focus when the field has an error (react-hook-form's field.ref). */
  focusRef?: (el: HTMLElement | null) => void;
};

function groupOptions(options: EventTypeOption[]) {
  const groups = new Map<string, EventTypeOption[]>();
  for (const o of options) groups.set(eventTypeGroup(o.name), [...(groups.get(eventTypeGroup(o.name)) ?? []), o]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** A grouped multi-select: search, per-group "select all", descriptions, deprecated types marked. */
export function EventTypePicker({ options, value, onChange, onBlur, error, focusRef }: Props) {
  const id = useId();
  const [query, setQuery] = useState("");
  const selected = new Set(value);
  const q = query.trim().toLowerCase();
  const groups = useMemo(() => groupOptions(options.filter((o) => !q || o.name.includes(q) || o.description.toLowerCase().includes(q))), [options, q]);
  // Selected names missing from the catalog still show, so they can be removed.
  const unknown = value.filter((v) => !options.some((o) => o.name === v));

  const setMany = (names: string[], on: boolean) => {
    const next = new Set(value);
    for (const n of names)
      if (on) next.add(n);
      else next.delete(n);
    onChange(
      options
        .map((o) => o.name)
        .filter((n) => next.has(n))
        .concat(unknown.filter((n) => next.has(n))),
    );
  };

  return (
    <fieldset className="grid gap-3" aria-describedby={[`${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ")} onBlur={onBlur}>
      <legend className="mb-2 text-sm font-medium">
        Event types
        <span aria-hidden="true" className="ml-0.5 text-destructive">
          *
        </span>
      </legend>
      <div className="flex flex-wrap items-center gap-3">
        <div className="relative min-w-0 flex-[1_1_14rem]">
          <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-label="Search event types"
            placeholder="Search event types"
            className="pl-9"
          />
        </div>
        <p id={`${id}-hint`} className="text-sm text-muted-foreground" aria-live="polite">
          {value.length} selected
        </p>
        {value.length > 0 && (
          <Button type="button" variant="ghost" size="sm" onClick={() => onChange([])}>
            Clear
          </Button>
        )}
      </div>
      <div className={`max-h-[28rem] overflow-y-auto rounded-lg border ${error ? "border-destructive" : ""}`}>
        {groups.length === 0 && <p className="p-4 text-sm text-muted-foreground">No event types match “{query}”.</p>}
        {groups.map(([group, items]) => {
          const names = items.filter((o) => !o.deprecated || selected.has(o.name)).map((o) => o.name);
          const count = names.filter((n) => selected.has(n)).length;
          const state = count === 0 ? false : count === names.length ? true : "indeterminate";
          return (
            <div key={group} role="group" aria-labelledby={`${id}-${group}`} className="border-b last:border-b-0">
              <div className="sticky top-0 z-10 flex items-center gap-3 bg-muted px-3 py-2">
                <Checkbox
                  id={`${id}-${group}-all`}
                  checked={state}
                  disabled={names.length === 0}
                  onCheckedChange={() => setMany(names, state !== true)}
                  aria-label={`Select all ${group} events`}
                />
                <span id={`${id}-${group}`} className="text-sm font-semibold capitalize">
                  {group}
                </span>
                <span className="text-xs text-muted-foreground">
                  {count} of {names.length}
                </span>
              </div>
              <ul className="divide-y">
                {items.map((o, i) => (
                  <li key={o.name} className="flex items-start gap-3 px-3 py-2.5">
                    <Checkbox
                      id={`${id}-${o.name}`}
                      ref={i === 0 && group === groups[0][0] ? focusRef : undefined}
                      checked={selected.has(o.name)}
                      onCheckedChange={(c) => setMany([o.name], c === true)}
                      aria-describedby={o.description ? `${id}-${o.name}-d` : undefined}
                      className="mt-0.5"
                    />
                    <div className="grid min-w-0 gap-0.5">
                      <label htmlFor={`${id}-${o.name}`} className="flex cursor-pointer flex-wrap items-center gap-2 font-mono text-[0.8125rem] break-all">
                        {o.name}
                        {o.deprecated && <Badge variant="warning">Deprecated</Badge>}
                      </label>
                      {o.description && (
                        <p id={`${id}-${o.name}-d`} className="text-sm text-muted-foreground">
                          {o.description}
                        </p>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
        {unknown.length > 0 && (
          <div className="grid gap-2 p-3">
            <p className="text-sm text-muted-foreground">Not in the catalog any more:</p>
            {unknown.map((n) => (
              <label key={n} className="flex items-center gap-3 font-mono text-[0.8125rem]">
                <Checkbox checked onCheckedChange={() => setMany([n], false)} />
                {n}
              </label>
            ))}
          </div>
        )}
      </div>
      {error && <FieldMessage id={`${id}-error`} error={error} />}
    </fieldset>
  );
}
