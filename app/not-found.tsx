import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-6 py-24 text-center">
      <p className="text-sm font-semibold text-muted-foreground">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-3 text-muted-foreground">It may have been deleted, or it belongs to another organization.</p>
      <Link href="/developer/webhooks" className="mt-6 inline-block font-medium text-primary underline underline-offset-4">
        Back to webhooks
      </Link>
    </main>
  );
}
