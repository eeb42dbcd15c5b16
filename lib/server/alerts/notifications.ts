import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { notifications } from "@/lib/db/schema";
import type { NotificationView } from "@/lib/schemas/alerts";
import { AppError } from "../errors";
import type { Actor } from "../authz";

/** Notifications belong to a person: API keys have none. */
function personOf(actor: Actor) {
  if (actor.kind !== "user") throw new AppError("forbidden", "Notifications belong to a signed-in person, not to an API key.");
  return and(eq(notifications.userId, actor.id), eq(notifications.orgId, actor.orgId));
}

export async function listNotifications({ actor, count: limit = 50 }: { actor: Actor; count?: number }): Promise<NotificationView[]> {
  const db = await getDb();
  const rows = await db.select().from(notifications).where(personOf(actor)).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(limit);
  return rows.map((n) => ({
    id: n.id,
    type: n.type,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  }));
}

export async function countUnread({ actor }: { actor: Actor }) {
  if (actor.kind !== "user") return 0;
  const db = await getDb();
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(personOf(actor), isNull(notifications.readAt)));
  return n;
}

/** Marks the given notifications (or all) read; only the actor's own. */
export async function markNotificationsRead({ actor, ids, all }: { actor: Actor; ids?: string[]; all?: boolean }) {
  const db = await getDb();
  if (!all && !ids?.length) return 0;
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(personOf(actor), isNull(notifications.readAt), all ? undefined : inArray(notifications.id, ids!)))
    .returning({ id: notifications.id });
  return rows.length;
}
