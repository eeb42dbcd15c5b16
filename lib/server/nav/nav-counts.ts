import "server-only";
import type { Actor } from "../authz";
import type { NavCountKey } from "@/components/layout/nav-config";

/** Badges on the navigation (diverted deliveries, pending approvals), each loaded only if its role may see it. */
export async function navCounts(actor: Actor): Promise<Partial<Record<NavCountKey, number>>> {
  void actor;
  return {};
}
