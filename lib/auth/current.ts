import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "./index";
import { actorForUser, listUserOrgs } from "@/lib/server/identity/resolve-actor";
import { can, type Actor, type Permission } from "@/lib/server/authz";

export const ORG_COOKIE = "wc_org";

/** The signed-in user's context for pages: their orgs and their actor in the current one. Per request. */
export const getConsoleContext = cache(async () => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) redirect("/login");
  const orgs = await listUserOrgs(userId);
  const wanted = (await cookies()).get(ORG_COOKIE)?.value;
  const org = orgs.find((o) => o.slug === wanted) ?? orgs[0];
  const actor = org ? await actorForUser(userId, org.slug) : null;
  return { userId, email: session.user?.email ?? "", name: session.user?.name ?? "", orgs, actor };
});

/** Pages call this with the permission they need; the services check again. */
export async function requireActor(permission?: Permission): Promise<Actor> {
  const { actor } = await getConsoleContext();
  if (!actor) redirect("/no-organization");
  if (permission && !can(actor, permission)) forbidden();
  return actor;
}
