import "server-only";
import type { DeliveryListQuery } from "@/lib/schemas/delivery";
import { listDeliveries } from "../deliveries/list-deliveries";
import type { Actor } from "../authz";
import { getEvent } from "./list-events";

/** Where one event went: its delivery per webhook. An unknown or another org's event is a 404, not an empty list. */
export async function listEventDeliveries({ actor, id, query }: { actor: Actor; id: string; query: Omit<DeliveryListQuery, "eventId" | "webhookId"> }) {
  await getEvent({ actor, id });
  return listDeliveries({ actor, query: { ...query, eventId: id } });
}
