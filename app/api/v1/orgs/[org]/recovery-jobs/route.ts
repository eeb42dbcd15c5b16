// GET /api/v1/orgs/{org}/recovery-jobs?webhookId — recent recovery jobs, newest first
import { z } from "zod";
import { orgRoute } from "@/lib/http/route";
import { listRecoveries } from "@/lib/server/recovery/get-recovery";

const query = z.object({ webhookId: z.string().uuid("Not a webhook id.").optional() });

export const GET = orgRoute({ permission: "deliveries.read", query }, async ({ actor, query }) => ({
  items: await listRecoveries({ actor, webhookId: query.webhookId }),
}));
