"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useQueryClient } from "@tanstack/react-query";
import { Send, Trash2 } from "lucide-react";
import { deleteAlertEndpointAction, testAlertEndpointAction } from "@/lib/actions/alerts";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";
import { toast } from "@/components/ui/toast";

/** Send Test Event (an example webhook.suspended, is_test) and Delete, for one operational endpoint. */
export function AlertEndpointActions({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<"test" | "delete" | null>(null);

  const run = (which: "test" | "delete") =>
    startTransition(async () => {
      setError(null);
      setBusy(which);
      if (which === "delete" && !window.confirm(`Delete the alert endpoint ${name}? It stops receiving alerts at once.`)) return setBusy(null);
      const result = which === "test" ? await testAlertEndpointAction({ id }) : await deleteAlertEndpointAction({ id });
      setBusy(null);
      if (!result.ok) return setError(result.error);
      if (which === "delete") return router.push("/admin/alerts");
      await queryClient.invalidateQueries({ queryKey: ["deliveries"] });
      toast("Test event sent: it appears in the delivery log below.");
    });

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        <Button pending={busy === "test"} disabled={pending} onClick={() => run("test")}>
          <Send aria-hidden="true" /> Send Test Event
        </Button>
        <Button variant="outline" pending={busy === "delete"} disabled={pending} onClick={() => run("delete")}>
          <Trash2 aria-hidden="true" /> Delete
        </Button>
      </div>
      {error && (
        <Callout variant="error" role="alert">
          {error}
        </Callout>
      )}
    </div>
  );
}
