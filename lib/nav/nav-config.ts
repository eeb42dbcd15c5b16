import type { Permission } from "@/lib/server/authz";

export type NavCountKey = "diverted" | "approvals";
export type NavLink = { href: string; label: string; permission: Permission; count?: NavCountKey };
export type NavSection = { id: "developer" | "admin"; label: string; href: string; links: NavLink[] };

/** The console's navigation. A link a role may not use is not shown (and its page refuses anyway). */
export const NAV: NavSection[] = [
  {
    id: "developer",
    label: "Developer",
    href: "/developer/overview",
    links: [
      { href: "/developer/overview", label: "Overview", permission: "deliveries.read" },
      { href: "/developer/webhooks", label: "Webhooks", permission: "webhooks.read" },
      { href: "/developer/event-types", label: "Event types", permission: "event-types.read" },
      { href: "/developer/events", label: "Events", permission: "events.read" },
      { href: "/developer/diverted-events", label: "Diverted events", permission: "deliveries.read", count: "diverted" },
      { href: "/developer/api-keys", label: "API keys", permission: "api-keys.manage" },
      { href: "/developer/receiving-webhooks", label: "Receiving webhooks", permission: "webhooks.read" },
    ],
  },
  {
    id: "admin",
    label: "Admin",
    href: "/admin/approvals",
    links: [
      { href: "/admin/approvals", label: "Approvals", permission: "changes.read", count: "approvals" },
      { href: "/admin/settings", label: "Settings", permission: "settings.write" },
      { href: "/admin/members", label: "Members", permission: "members.manage" },
      { href: "/admin/audit-log", label: "Audit log", permission: "audit.read" },
      { href: "/admin/system", label: "System", permission: "settings.write" },
    ],
  },
];
