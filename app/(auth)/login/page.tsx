import Link from "next/link";
import { redirect } from "next/navigation";
import { auth, oidcEnabled } from "@/lib/auth";
import { env } from "@/lib/env";
import { isSetUp } from "@/lib/server/install/install-state";
import { LoginForm } from "./login-form";
import { loginWithOidc } from "@/lib/actions/login";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if ((await auth())?.user?.id) redirect("/developer/overview");
  const { callbackUrl } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center gap-3 text-center">
          {/* eslint-disable-next-line @next/next/no-img-element -- an SVG logo from public/: next/image adds nothing */}
          <img src="/logo.svg" alt="Webhook Console" width={225} height={48} />
          <h1 className="text-2xl font-semibold">Sign in</h1>
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
        {env().DEMO && (
          <p className="mt-4 text-center text-sm text-muted-foreground">
            Demo: <code>admin@example.com</code> / <code>demo-password-1</code>
          </p>
        )}
        {!env().DEMO && !(await isSetUp()) && (
          <p className="mt-4 text-center text-sm text-muted-foreground">
            New install?{" "}
            <Link href="/setup" className="font-medium text-foreground underline underline-offset-2">
              Create the first admin
            </Link>{" "}
            with the setup token from the server log.
          </p>
        )}
      </div>
    </main>
  );
}
