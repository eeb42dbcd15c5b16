"use client";

import { useState } from "react";
import Link from "next/link";
import { ChevronDown, Eye, MoreHorizontal, Send, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { DeleteWebhookDialog } from "./delete-webhook-button";

type Props = { id: string; name: string; canTest: boolean; canDelete: boolean; deleteNeedsApproval?: boolean };

/** Paxos' "Actions → View / Test / Delete" menu for one row. */
export function WebhookRowActions({ id, name, canTest, canDelete, deleteNeedsApproval }: Props) {
  const [deleting, setDeleting] = useState(false);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="sm" aria-label={`Actions for ${name}`}>
            <MoreHorizontal aria-hidden="true" className="sm:hidden" />
            <span className="hidden sm:inline">Actions</span>
            <ChevronDown aria-hidden="true" className="hidden sm:block" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuItem asChild>
            <Link href={`/developer/webhooks/${id}`}>
              <Eye aria-hidden="true" /> View
            </Link>
          </DropdownMenuItem>
          {canTest && (
            <DropdownMenuItem asChild>
              <Link href={`/developer/webhooks/${id}?tab=test`}>
                <Send aria-hidden="true" /> Test
              </Link>
            </DropdownMenuItem>
          )}
          {canDelete && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(true)}>
                <Trash2 aria-hidden="true" /> Delete
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {canDelete && <DeleteWebhookDialog id={id} name={name} open={deleting} onOpenChange={setDeleting} needsApproval={deleteNeedsApproval} />}
    </>
  );
}
