"use client";

import { useRef } from "react";
import { switchOrg } from "@/lib/actions/session";

type Props = { current: string; orgs: { slug: string; name: string }[] };

export function OrgSwitcher({ current, orgs }: Props) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={switchOrg} className="flex items-center gap-2">
      <label htmlFor="org-switcher" className="sr-only">
        Organization
      </label>
      <select
        id="org-switcher"
        name="org"
        defaultValue={current}
        onChange={() => form.current?.requestSubmit()}
        className="h-8 max-w-48 truncate rounded-md border border-border bg-background px-2 text-sm"
      >
        {orgs.map((o) => (
          <option key={o.slug} value={o.slug}>
            {o.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit">Switch</button>
      </noscript>
    </form>
  );
}
