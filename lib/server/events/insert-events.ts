import "server-only";
import type { Db } from "@/lib/db/client";
import { runNamed } from "@/lib/db/named-statement";
import { env } from "@/lib/env";
import { CHANNEL } from "@/lib/delivery/engine/wake";
import type { Actor, KeyGrant } from "../authz";
import type { FieldError } from "../errors";

/**
 * One event to publish, already validated in shape; `orgId` lets one statement carry several orgs' events. `key`:
 * the API key it is published with, and the stored roles its permission was decided on; the statement stores the
 * event only if they are still the key's roles (so a cached actor never outlives a revocation or a demotion).
 */
export type PendingEvent = { orgId: string; id: string; type: string; data: unknown; key?: { id: string } & KeyGrant };

export type InsertResult =
  { status: "accepted"; deliveries: number } | { status: "duplicate" } | { status: "invalid"; errors: FieldError[] } | { status: "stale" };

type Row = { i: number; status: "accepted" | "duplicate" | "invalid" | "stale"; deliveries: number | string };

/** The `key` of a PendingEvent published by this actor. */
export const keyOf = (actor: Actor): PendingEvent["key"] => (actor.grant ? { id: actor.id, ...actor.grant } : undefined);

// $1 the events (JSON: i, org_id, id, type, data, key_id, key_roles, creator_roles), $2 source, $3 wake channel, $4 notify
const INSERT_EVENTS = `
with input as (
  select * from jsonb_to_recordset($1::jsonb)
    as t(i int, org_id uuid, id text, type text, data jsonb, key_id uuid, key_roles text[], creator_roles text[])
),
granted as (
  select * from input where key_id is null or exists (
    select 1 from api_keys k left join memberships m on m.user_id = k.created_by_user_id and m.org_id = k.org_id
    where k.id = input.key_id and k.org_id = input.org_id and k.revoked_at is null
      and k.roles = input.key_roles and m.roles is not distinct from input.creator_roles)
),
valid as (
  select * from granted where exists (select 1 from event_types c where c.org_id = granted.org_id and c.name = granted.type)
),
stored as (
  insert into events (org_id, id, type, source, data, is_test)
  select org_id, id, type, $2, data, false from valid order by i
  on conflict do nothing
  returning org_id, id, type
),
fan_out as (
  -- A suspended webhook's events are diverted at once (they are kept, not sent). (The type comes back from the
  -- insert: joining \`valid\` again was planned as a nested loop over both CTEs, 500 × 500 rows for a full batch.)
  insert into deliveries (org_id, event_id, webhook_id, webhook_version, status, diverted_reason, diverted_at)
  select stored.org_id, stored.id, w.id, w.version,
         case when w.status = 'suspended' then 'diverted' else 'pending' end,
         case when w.status = 'suspended' then 'suspended' end,
         case when w.status = 'suspended' then now() end
  from stored
  join webhooks w on w.org_id = stored.org_id and w.kind = 'endpoint' and w.status in ('active', 'suspended') and stored.type = any(w.event_types)
  returning org_id, event_id
),
counts as (select org_id, event_id, count(*) as n from fan_out group by org_id, event_id),
woken as (select pg_notify($3, '') from (select 1 from fan_out limit 1) any_row where $4::boolean)
select input.i,
       case when granted.i is null then 'stale' when valid.i is null then 'invalid' when stored.id is null then 'duplicate' else 'accepted' end as status,
       coalesce(counts.n, 0) as deliveries,
       (select count(*) from woken) as woken -- referenced, so that the NOTIFY runs (once)
from input
left join granted on granted.i = input.i
left join valid on valid.i = input.i
left join stored on stored.org_id = input.org_id and stored.id = input.id
left join counts on counts.org_id = input.org_id and counts.event_id = input.id
`;

/**
 * PGlite runs one statement at a time for the whole console: a 500-event statement kept page queries waiting
 * ~150 ms behind it, so there a list is stored 100 at a time (items are independent; each part is atomic).
 */
const PGLITE_CHUNK = 100;

/**
 * Outbox for many events at once, in ONE statement (so it is atomic without a transaction, and costs one round
 * trip whatever the count): the events travel as one JSON parameter; the catalog check, the insert of the events,
 * the fan-out to every subscribed webhook and the workers' wake-up all happen in the database. An event whose type
 * is not in its org's catalog is invalid and writes nothing; an id already stored (or earlier in the same list) is
 * a duplicate and writes nothing. Results are in the order of `items`. (On PGlite, one statement per 100 events.)
 */
export async function insertEvents(handle: { db: Db; kind: "pglite" | "postgres" }, items: PendingEvent[]): Promise<InsertResult[]> {
  const results: InsertResult[] = new Array<InsertResult>(items.length);
  const seen = new Set<string>();
  const input: {
    i: number;
    org_id: string;
    id: string;
    type: string;
    data: unknown;
    key_id?: string;
    key_roles?: string[];
    creator_roles?: string[] | null;
  }[] = [];
  items.forEach((item, i) => {
    const once = `${item.orgId}/${item.id}`;
    if (seen.has(once)) results[i] = { status: "duplicate" };
    else {
      seen.add(once);
      const { key } = item;
      input.push({
        i,
        org_id: item.orgId,
        id: item.id,
        type: item.type,
        data: item.data,
        key_id: key?.id,
        key_roles: key?.keyRoles,
        creator_roles: key?.creatorRoles,
      });
    }
  });
  const rows: Row[] = [];
  const chunk = handle.kind === "pglite" ? PGLITE_CHUNK : input.length;
  for (let from = 0; from < input.length; from += chunk) {
    const part = input.slice(from, from + chunk);
    rows.push(
      ...(await runNamed<Row>(handle.db, "insert_events", INSERT_EVENTS, [
        JSON.stringify(part),
        env().EVENT_SOURCE,
        CHANNEL,
        handle.kind === "postgres", // PGlite's worker runs in this process and is woken directly (wake.ts)
      ])),
    );
  }
  for (const r of rows) {
    const item = items[r.i];
    results[r.i] =
      r.status === "accepted"
        ? { status: "accepted", deliveries: Number(r.deliveries) }
        : r.status === "duplicate" || r.status === "stale"
          ? { status: r.status }
          : { status: "invalid", errors: [{ path: "type", message: `“${item.type}” is not in this organization's event-type catalog.` }] };
  }
  return results;
}
