import "server-only";
import { sql } from "drizzle-orm";
import { changeRequests } from "@/lib/db/schema";
import type { Actor } from "../authz";

/** SQL filter: requests not made by the actor's person through an API key of theirs (the caller also excludes their own id). */
export const notMadeBy = (actor: Actor) => sql`${changeRequests.requesterPersonId} is distinct from ${actor.personId}`;
