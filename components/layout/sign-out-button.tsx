import { signOutAction } from "@/lib/actions/session";

export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className={className ?? "rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-muted"}>
        Sign out
      </button>
    </form>
  );
}
