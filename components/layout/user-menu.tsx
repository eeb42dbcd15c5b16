"use client";

import { DropdownMenu } from "radix-ui";
import { ChevronDown, CircleUser, LogOut } from "lucide-react";
import { signOutAction } from "@/lib/actions/session";

type Props = { email: string; name: string; roles: string[] };

export function UserMenu({ email, name, roles }: Props) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring">
        <CircleUser aria-hidden className="size-4 sm:hidden" />
        <span className="sr-only sm:not-sr-only sm:max-w-64 sm:truncate">{email}</span>
        <ChevronDown aria-hidden className="size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-56 rounded-md border border-border bg-background p-1 shadow-lg">
          <div className="px-2 py-1.5 text-sm">
            <p className="font-medium">{name}</p>
            <p className="text-muted-foreground">Roles: {roles.join(", ")}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-border" />
          <DropdownMenu.Item asChild>
            <button
              type="button"
              onClick={() => void signOutAction()}
              className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm outline-none data-[highlighted]:bg-muted"
            >
              <LogOut aria-hidden className="size-4" /> Sign out
            </button>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
