import { SignOutButton } from "@/components/layout/sign-out-button";

export const metadata = { title: "No organization" };

export default function NoOrganization() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">You are not in any organization yet</h1>
      <p className="mt-3 text-muted-foreground">Ask an admin of your organization to invite you, then sign in again.</p>
      <div className="mt-6 flex justify-center">
        <SignOutButton />
      </div>
    </main>
  );
}
