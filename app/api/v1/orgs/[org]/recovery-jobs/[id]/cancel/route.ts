// POST /api/v1/orgs/{org}/recovery-jobs/{id}/cancel — stop a recovery job after its current batch
import { orgRoute } from "@/lib/http/route";
import { pathId } from "@/lib/http/params";
import { cancelRecovery } from "@/lib/server/recovery/cancel-recovery";

export const POST = orgRoute({ permission: "diverted.manage" }, async ({ actor, params }) => cancelRecovery({ actor, id: pathId(params.id, "recovery job") }));
