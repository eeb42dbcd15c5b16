// GET /api/v1/orgs/{org}/recovery-jobs/{id} — a recovery job's progress (done / total) and result
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { getRecovery } from "@/lib/server/recovery/get-recovery";

export const GET = orgRoute({ permission: "deliveries.read" }, async ({ actor, params }) => getRecovery({ actor, id: pathId(params.id, "recovery job") }));
