import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { eventTypes, memberships, organizations, users } from "./schema";
import { DEMO_EVENT_TYPES } from "./catalog";
import { hashPassword } from "@/lib/crypto/password";
import type { Role } from "@/lib/schemas/roles";

export const DEMO_PASSWORD = "demo-password-1";

const DEMO: { slug: string; name: string; users: { email: string; name: string; roles: Role[] }[] }[] = [
  {
    slug: "acme",
    name: "Acme Payments",
    users: [
      { email: "admin@example.com", name: "Ada Admin", roles: ["admin"] },
      { email: "approver@example.com", name: "Avery Approver", roles: ["approver"] },
      { email: "tester@example.com", name: "Tess Tester", roles: ["tester"] },
      { email: "viewer@example.com", name: "Vic Viewer", roles: ["viewer"] },
    ],
  },
  { slug: "globex", name: "Globex Corporation", users: [{ email: "admin@globex.example.com", name: "Gus Globex", roles: ["admin"] }] },
];

/** Idempotent: creates what is missing and leaves everything else alone. */
export async function seedDemo(db: Db): Promise<boolean> {
  const [existing] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, "acme"));
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const o of DEMO) {
      const [org] = await tx.insert(organizations).values({ slug: o.slug, name: o.name }).returning();
      await tx.insert(eventTypes).values(DEMO_EVENT_TYPES.map((t) => ({ ...t, orgId: org.id })));
      for (const u of o.users) {
        const [user] = await tx.insert(users).values({ email: u.email, name: u.name, passwordHash }).returning();
        await tx.insert(memberships).values({ orgId: org.id, userId: user.id, roles: u.roles });
      }
    }
  });
  return true;
}
