import { z } from "zod";

/** A password people choose for themselves: long enough to resist guessing at the sign-in throttle's pace. */
export const newPasswordSchema = z.string().min(12, "Use at least 12 characters.").max(200, "Use at most 200 characters.");

export const adminAccountSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  name: z.string().trim().max(100).optional(),
  password: newPasswordSchema,
});

/** The /setup form: the token printed at first start, the first organization and its first admin. */
export const setupSchema = adminAccountSchema.extend({
  token: z.string().trim().min(1, "Enter the setup token from the server log."),
  orgName: z.string().trim().min(1, "Name your organization.").max(100, "Use at most 100 characters."),
});
export type SetupInput = z.infer<typeof setupSchema>;

/** An organization's URL name, from its display name: "Acme Payments" → "acme-payments". */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || "org";
}
