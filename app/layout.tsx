import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";
import { Providers } from "@/components/providers";
import { DemoBanner } from "@/components/layout/demo-banner";
import { env } from "@/lib/env";

export const metadata: Metadata = {
  title: { default: "Webhook Console", template: "%s · Webhook Console" },
  description: "Manage, test and deliver your organization's webhooks.",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
  openGraph: {
    title: "Webhook Console",
    description: "Manage, test and deliver your organization's webhooks.",
    images: [{ url: "/og.png", width: 1200, height: 630 }],
  },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-background text-foreground antialiased">
        {env().DEMO && <DemoBanner />}
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
