import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-muted-foreground">403</p>
      <h1 className="mt-2 text-2xl font-semibold">You don&apos;t have access to this page</h1>
      <p className="mt-3 text-muted-foreground">Your role in this organization does not include it. Ask an admin if you need access.</p>
      <Link href="/developer/webhooks" className="mt-6 inline-block font-medium text-primary underline underline-offset-4">
        Back to webhooks
      </Link>
    </main>
  );
}
