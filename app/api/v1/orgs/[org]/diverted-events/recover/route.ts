// POST /api/v1/orgs/{org}/diverted-events/recover { webhookId? } — redeliver every diverted delivery (of a webhook) as a job (202)
import { z } from "zod";
import { orgRoute } from "@/lib/http/route";
import { redeliverDivertedJob } from "@/lib/server/recovery/start-recovery";

const body = z.object({ webhookId: z.string().uuid("Not a webhook id.").optional() }).strict();

export const POST = orgRoute({ permission: "diverted.manage", body, status: 202 }, async ({ actor, body }) =>
  redeliverDivertedJob({ actor, webhookId: body.webhookId }),
);
