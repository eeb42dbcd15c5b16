import Link from "next/link";
import type { NavCountKey, NavSection } from "@/lib/nav/nav-config";
import type { Role } from "@/lib/schemas/roles";
import { SectionNav } from "./section-nav";
import { OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";
import { NotificationBell } from "@/components/alerts/notification-bell";

type Props = {
  actor: { orgSlug: string; roles: Role[] };
  /** The sections this actor may see (lib/server/nav/visible-nav) and their live counts. */
  sections: NavSection[];
  counts: Partial<Record<NavCountKey, number>>;
  /** Unread notifications for the bell. */
  unread: number;
  orgs: { slug: string; name: string }[];
  user: { email: string; name: string };
  children: React.ReactNode;
};

export function AppShell({ actor, sections, counts, unread, orgs, user, children }: Props) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-background focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-border bg-background">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
          <Link href="/developer/webhooks" className="flex items-center gap-2 font-semibold">
            {/* eslint-disable-next-line @next/next/no-img-element -- a 24 px SVG from public/: next/image adds nothing */}
            <img src="/icon.svg" alt="" width={24} height={24} className="size-6" />
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
