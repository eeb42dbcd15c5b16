import "server-only";
import { NAV, type NavSection } from "@/lib/nav/nav-config";
import { can, type Actor } from "../authz";

/** The sections and links this actor's roles may use (a hidden page still refuses on its own). */
export function visibleNav(actor: Pick<Actor, "roles" | "kind">): NavSection[] {
  return NAV.map((s) => ({ ...s, links: s.links.filter((l) => can(actor, l.permission)) })).filter((s) => s.links.length > 0);
}
