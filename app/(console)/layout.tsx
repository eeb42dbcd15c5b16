import { redirect } from "next/navigation";
import { getConsoleContext } from "@/lib/auth/current";
import { AppShell } from "@/components/layout/app-shell";
import { DecisionNotices } from "@/components/approvals/decision-notices";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getConsoleContext();
  if (!ctx.actor) redirect("/no-organization");
  return (
    <AppShell actor={ctx.actor} orgs={ctx.orgs} user={{ email: ctx.email, name: ctx.name }}>
      <DecisionNotices actor={ctx.actor} />
      {children}
    </AppShell>
  );
}
