import type { z } from "zod";
import type { Permission } from "@/lib/server/authz";

/** One REST operation, described from the same zod schemas the route uses. */
export type Operation = {
  method: "get" | "post" | "patch" | "delete";
  path: string; // relative to /api/v1/orgs/{org}, e.g. "/webhooks/{id}"
  summary: string;
  tag: string;
  permission: Permission;
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
};
