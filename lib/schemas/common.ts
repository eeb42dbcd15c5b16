import { z } from "zod";
import { ROLES } from "./roles";

/** One broken rule on one field, as in problem+json `errors` and an action's `fieldErrors`. */
export type FieldError = { path: string; message: string };

export const roleSchema = z.enum(ROLES);
export const rolesSchema = z
  .array(roleSchema)
  .min(1, "Choose at least one role.")
  .max(4)
  .transform((r) => [...new Set(r)]);

export const pageQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  count: z.coerce.number().int().min(1).max(100, "count is at most 100").default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), offset: z.number().int(), count: z.number().int() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

export const idParam = z.string().uuid("Not a valid id.");
export const isoDate = z
  .date()
  .transform((d) => d.toISOString())
  .or(z.string());

/** Query-string booleans: "true"/"false". */
export const queryBool = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();

export const MASK = "*****";

/** A keyset cursor: base64url of "<ISO time>|<id>", as the list that issued it wrote it. */
export function decodeKeysetCursor(cursor: string, id: z.ZodType<string> = z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/)): { at: Date; id: string } | null {
  const [at, key, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const time = new Date(at ?? "");
  if (rest.length || !/^\d{4}-\d{2}-\d{2}T/.test(at ?? "") || Number.isNaN(time.getTime()) || !id.safeParse(key).success) return null;
  return { at: time, id: key };
}

/** An opaque cursor query parameter: anything the list did not issue is a 400 on `cursor`, never a database error. */
export const cursorParam = (id?: z.ZodType<string>) =>
  z
    .string()
    .max(300, "Not a cursor this list issued.")
    .refine((c) => decodeKeysetCursor(c, id) !== null, "Not a cursor this list issued: start from the first page.");
