import { redirect } from "next/navigation";
import { Webhook } from "lucide-react";
import { auth, oidcEnabled } from "@/lib/auth";
import { env } from "@/lib/env";
import { LoginForm } from "./login-form";
import { loginWithOidc } from "./actions";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if ((await auth())?.user?.id) redirect("/developer/overview");
  const { callbackUrl } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          <Webhook aria-hidden className="size-8 text-primary" />
          <h1 className="text-2xl font-semibold">Sign in to Webhook Console</h1>
        </div>
        <div className="rounded-lg border border-border bg-background p-6 shadow-sm">
          <LoginForm callbackUrl={callbackUrl ?? ""} />
          {oidcEnabled() && (
            <form action={loginWithOidc} className="mt-4 border-t border-border pt-4">
              <button type="submit" className="h-10 w-full rounded-md border border-border text-sm font-medium hover:bg-muted">
                Continue with {env().OIDC_NAME}
              </button>
            </form>
          )}
        </div>
        {env().embedded && (
          <p className="mt-4 text-center text-sm text-muted-foreground">
            Demo: <code>admin@example.com</code> / <code>demo-password-1</code>
          </p>
        )}
      </div>
    </main>
  );
}
