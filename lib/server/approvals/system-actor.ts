/** Who expires requests: recorded in the audit log as "system". */
export const SYSTEM = { kind: "system" as const, id: "system", label: "system" };
