import Link from "next/link";
import { Webhook } from "lucide-react";
import { can, type Actor } from "@/lib/server/authz";
import { NAV } from "./nav-config";
import { navCounts } from "@/lib/server/nav/nav-counts";
import { SectionNav } from "./section-nav";
import { OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";
import { NotificationBell } from "@/components/alerts/notification-bell";
import { countUnread } from "@/lib/server/alerts/notifications";

type Props = {
  actor: Actor;
  orgs: { slug: string; name: string }[];
  user: { email: string; name: string };
  children: React.ReactNode;
};

export async function AppShell({ actor, orgs, user, children }: Props) {
  const sections = NAV.map((s) => ({ ...s, links: s.links.filter((l) => can(actor, l.permission)) })).filter((s) => s.links.length > 0);
  const [counts, unread] = await Promise.all([navCounts(actor), countUnread({ actor })]);
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-border bg-background">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/developer/webhooks" className="flex items-center gap-2 font-semibold">
            <Webhook aria-hidden className="size-5 text-primary" />
            <span className="sr-only sm:not-sr-only">Webhook Console</span>
          </Link>
          <OrgSwitcher current={actor.orgSlug} orgs={orgs} />
          <div className="ml-auto flex items-center gap-1">
            <NotificationBell unread={unread} />
            <UserMenu email={user.email} name={user.name} roles={actor.roles} />
          </div>
        </div>
        <SectionNav sections={sections} counts={counts} />
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
