// POST /api/v1/orgs/{org}/members/{userId}/oidc-link — let this member link their OpenID Connect identity
// at their next sign-in (with a verified e-mail); see lib/server/sign-in/resolve-oidc-sign-in.ts
import { orgRoute } from "@/lib/http/route";
import { env } from "@/lib/env";
import { idParam } from "@/lib/schemas/common";
import { AppError } from "@/lib/server/errors";
import { allowOidcLink } from "@/lib/server/sign-in/allow-oidc-link";

export const POST = orgRoute({ permission: "members.manage", status: 201 }, async ({ actor, params }) => {
  if (!idParam.safeParse(params.userId).success) throw new AppError("not_found", "No such member.");
  const issuer = env().OIDC_ISSUER;
  if (!issuer) throw new AppError("conflict", "OpenID Connect sign-in is not configured (OIDC_ISSUER).");
  return allowOidcLink({ actor, userId: params.userId, issuer });
});
