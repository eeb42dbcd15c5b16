import { z } from "zod";
import type { Operation } from "./types";

export const signInOperations: Operation[] = [
  {
    method: "post",
    path: "/members/{userId}/oidc-link",
    summary: "Let a member link their OpenID Connect identity (issuer, subject) at their next sign-in with a verified e-mail",
    tag: "Members",
    permission: "members.manage",
    responses: { 201: { description: "Link allowed", schema: z.object({ userId: z.string(), issuer: z.string(), created: z.boolean() }) } },
  },
];
