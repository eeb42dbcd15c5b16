"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/alert";

/**
 * A page that failed to render. Production builds hide the error's message from the browser, so the page asks the
 * health endpoint whether the database is reachable and says so — the usual cause during a restart or failover —
 * and retries on its own until it is back.
 */
export default function ConsoleError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [databaseDown, setDatabaseDown] = useState<boolean | null>(null);
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      const res = await fetch("/api/v1/health", { cache: "no-store" }).catch(() => null);
      const down = !res || res.status === 503;
      if (stopped) return;
      setDatabaseDown(down);
      if (down) setTimeout(() => void check(), 5_000);
      else if (databaseDown) reset(); // it was down and is back: render the page again
    };
    void check();
    return () => {
      stopped = true;
    };
  }, [reset, databaseDown]);

  return (
    <main className="mx-auto max-w-xl px-4 py-12">
      {databaseDown ? (
        <Callout variant="error" title="The database is unreachable">
          The console cannot reach its database right now (a restart or failover usually takes seconds). Nothing was changed. This page retries every 5 seconds.
        </Callout>
      ) : (
        <Callout variant="error" title="This page could not be shown">
          Something went wrong while loading it. Try again; if it keeps happening, the server log has the details.
        </Callout>
      )}
      <div className="mt-4">
        <Button variant="outline" onClick={() => reset()}>
          Try again
        </Button>
      </div>
    </main>
  );
}
