import { Tags } from "lucide-react";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/server/authz";
import { listEventTypes } from "@/lib/server/event-types/list-event-types";
import { eventTypeGroup } from "@/lib/schemas/event-types";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Toaster } from "@/components/ui/toast";
import { EventTypeCard } from "@/components/event-types/event-type-card";
import { CreateEventTypeDialog } from "@/components/event-types/create-event-type-dialog";

export const metadata = { title: "Event types" };

export default async function EventTypesPage() {
  const actor = await requireActor("event-types.read");
  const types = await listEventTypes({ actor });
  const canWrite = can(actor, "event-types.write");
  const byGroup = new Map<string, typeof types>();
  for (const t of types) byGroup.set(eventTypeGroup(t.name), [...(byGroup.get(eventTypeGroup(t.name)) ?? []), t]);
  const groups = [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b));

  return (
    <div className="grid grid-cols-1 gap-6">
      <PageHeader
        className="mb-0"
        title="Event types"
        description="The events this organization publishes. Webhooks subscribe to them by name; the first part of a name is its group."
        actions={canWrite ? <CreateEventTypeDialog /> : undefined}
      />
      {groups.length === 0 ? (
        <EmptyState
          icon={Tags}
          title="No event types yet"
          description={canWrite ? "Add one so webhooks can subscribe to it." : "An admin can add event types."}
        />
      ) : (
        <>
          <nav aria-label="Event type groups" className="flex flex-wrap gap-2">
            {groups.map(([group, items]) => (
              <a key={group} href={`#group-${group}`} className="rounded-full border px-3 py-1 text-sm capitalize hover:bg-accent">
                {group} <span className="text-muted-foreground">{items.length}</span>
              </a>
            ))}
          </nav>
          {groups.map(([group, items]) => (
            <section key={group} aria-labelledby={`group-${group}`} className="grid gap-3">
              <h2 id={`group-${group}`} className="scroll-mt-4 text-lg font-semibold capitalize">
                {group}
              </h2>
              <ul className="grid gap-3 lg:grid-cols-2">
                {items.map((t) => (
                  <li key={t.id}>
                    <EventTypeCard eventType={t} canWrite={canWrite} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
      <Toaster />
    </div>
  );
}
