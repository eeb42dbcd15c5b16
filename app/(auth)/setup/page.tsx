import { notFound } from "next/navigation";
import { Webhook } from "lucide-react";
import { isSetUp } from "@/lib/server/install/install-state";
import { setupConsole } from "@/lib/actions/setup";
import { SetupForm } from "@/components/setup/setup-form";

export const metadata = { title: "Set up" };

/** The one-time setup step of a real install; gone (404) once any admin exists. */
export default async function SetupPage() {
  if (await isSetUp()) notFound();
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Webhook aria-hidden className="size-8 text-primary" />
          <h1 className="text-2xl font-semibold">Set up Webhook Console</h1>
          <p className="text-sm text-muted-foreground">Create your organization and its first admin. This page disappears once an admin exists.</p>
        </div>
        <div className="rounded-lg border border-border bg-background p-6 shadow-sm">
          <SetupForm action={setupConsole} />
        </div>
      </div>
    </main>
  );
}
