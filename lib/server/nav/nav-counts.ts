import "server-only";
import { can, type Actor } from "../authz";
import type { NavCountKey } from "@/lib/nav/nav-config";
import { countReviewable } from "../approvals/count-reviewable";
import { countDiverted } from "../deliveries/count-diverted";

/** Badges on the navigation (diverted deliveries, pending approvals), each loaded only if its role may see it. */
export async function navCounts(actor: Actor): Promise<Partial<Record<NavCountKey, number>>> {
  const counts: Partial<Record<NavCountKey, number>> = {};
  if (can(actor, "changes.review")) counts.approvals = await countReviewable(actor);
  if (can(actor, "deliveries.read")) counts.diverted = await countDiverted(actor);
  return counts;
}
