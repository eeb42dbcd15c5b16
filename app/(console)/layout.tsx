import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getConsoleContext } from "@/lib/auth/current";
import { visibleNav } from "@/lib/server/nav/visible-nav";
import { navCounts } from "@/lib/server/nav/nav-counts";
import { countUnread } from "@/lib/server/alerts/notifications";
import { takeDecisionNotices } from "@/lib/server/approvals/decision-notices";
import { AppShell } from "@/components/layout/app-shell";
import { DecisionNotices } from "@/components/approvals/decision-notices";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getConsoleContext();
  if (!ctx.actor) redirect("/no-organization");
  // A router prefetch is not a visit: taking the notices then would mark them seen without anyone seeing them.
  const prefetch = (await headers()).get("next-router-prefetch");
  const [counts, notices, unread] = await Promise.all([
    navCounts(ctx.actor),
    prefetch ? [] : takeDecisionNotices(ctx.actor),
    countUnread({ actor: ctx.actor }),
  ]);
  return (
    <AppShell actor={ctx.actor} sections={visibleNav(ctx.actor)} counts={counts} unread={unread} orgs={ctx.orgs} user={{ email: ctx.email, name: ctx.name }}>
      <DecisionNotices notices={notices} />
      {children}
    </AppShell>
  );
}
