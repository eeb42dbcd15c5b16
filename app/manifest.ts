import type { MetadataRoute } from "next";

// Served as /manifest.webmanifest: installing the console from a browser gives it its name and icon.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Webhook Console",
    short_name: "Webhooks",
    description: "Manage, test and deliver your organization's webhooks.",
    start_url: "/developer/webhooks",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512" },
    ],
  };
}
