import { requireActor } from "@/lib/auth/current";
import { getSystemStatus } from "@/lib/server/workers/get-system-status";
import { PageHeader } from "@/components/ui/page-header";
import { AutoRefresh } from "@/components/system/auto-refresh";
import { SystemView } from "@/components/system/system-view";

export const metadata = { title: "System" };
export const dynamic = "force-dynamic";

export default async function SystemPage() {
  const actor = await requireActor("settings.write");
  const { workers, queue } = await getSystemStatus({ actor });
  return (
    <div>
      <PageHeader title="System" description="Delivery workers and the queue across all organizations. Refreshes every 5 seconds." />
      <SystemView workers={workers} queue={queue} />
      <AutoRefresh seconds={5} />
    </div>
  );
}
