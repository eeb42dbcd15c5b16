"use client";

import { useId } from "react";
import { ROLES, type Role } from "@/lib/schemas/roles";
import { Checkbox } from "@/components/ui/checkbox";

export const ROLE_HELP: Record<Role, string> = {
  admin: "Everything: webhooks, keys, members, settings",
  approver: "Approves or rejects other people's changes",
  tester: "Sends test events and redelivers test deliveries",
  viewer: "Reads webhooks, deliveries and logs",
};

type Props = { value: string[]; onChange: (roles: Role[]) => void; error?: string; legend?: string };

export function RoleCheckboxes({ value, onChange, error, legend = "Roles" }: Props) {
  const id = useId();
  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {ROLES.map((role) => (
        <label key={role} className="flex items-start gap-3 text-sm">
          <Checkbox
            checked={value.includes(role)}
            onCheckedChange={(checked) => onChange(ROLES.filter((r) => (r === role ? checked === true : value.includes(r))))}
            className="mt-0.5"
          />
          <span>
            <span className="font-medium capitalize">{role}</span>
            <span className="block text-muted-foreground">{ROLE_HELP[role]}</span>
          </span>
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      )}
    </fieldset>
  );
}
