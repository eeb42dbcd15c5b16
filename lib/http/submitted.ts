import "server-only";
import { changeSubmittedSchema } from "@/lib/schemas/approvals";
import { toChangeRequestView, type ChangeRequestRow } from "@/lib/server/approvals/view";

/** 202 { changeRequest }: the change waits for another approver. */
export const submittedResponse = (row: ChangeRequestRow) =>
  Response.json(changeSubmittedSchema.parse({ changeRequest: toChangeRequestView(row) }), { status: 202, headers: { "cache-control": "no-store" } });
