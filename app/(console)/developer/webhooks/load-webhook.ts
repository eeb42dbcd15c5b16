import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/server/authz";
import { AppError } from "@/lib/server/errors";
import { idParam } from "@/lib/schemas/common";
import { getWebhook } from "@/lib/server/webhooks/get-webhook";
import { listWebhookVersions } from "@/lib/server/webhooks/list-webhook-versions";

/** A webhook for a page: a malformed id, another org's or a deleted webhook is the 404 page, not an error. */
export async function loadWebhook({ actor, id, withVersions = false }: { actor: Actor; id: string; withVersions?: boolean }) {
  if (!idParam.safeParse(id).success) notFound();
  try {
    const [webhook, versions] = await Promise.all([getWebhook({ actor, id }), withVersions ? listWebhookVersions({ actor, id }) : []]);
    return { webhook, versions };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}
