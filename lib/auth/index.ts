import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { resolveOidcSignIn } from "@/lib/server/sign-in/resolve-oidc-sign-in";
import { verifyCredentials } from "@/lib/server/auth/verify-credentials";

class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

function providers(): Provider[] {
  const e = env();
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const address = clientAddress(request.headers, e.TRUSTED_PROXY_HOPS);
        const result = await verifyCredentials(
          typeof credentials.email === "string" ? credentials.email : "",
          typeof credentials.password === "string" ? credentials.password : "",
          address,
        );
        if (result && "rateLimited" in result) throw new TooManyAttempts();
        return result ? { id: result.id, email: result.email, name: result.name } : null;
      },
    }),
  ];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID) {
    list.push({
      id: "oidc",
      name: e.OIDC_NAME,
      type: "oidc",
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
    });
  }
  return list;
}

/** The account an OIDC sign-in links to, by (issuer, subject); see resolve-oidc-sign-in.ts. */
async function oidcUserId(providerAccountId: string, profile: { email?: string | null; email_verified?: unknown } | undefined) {
  const result = await resolveOidcSignIn({
    issuer: env().OIDC_ISSUER!,
    subject: providerAccountId,
    email: profile?.email,
    emailVerified: profile?.email_verified,
  });
  return "userId" in result ? result.userId : null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  // The Host header is believed only when the operator says so (AUTH_TRUST_HOST) or AUTH_URL fixes the
  // origin; `next dev` trusts it, as next-auth does by default outside production.
  trustHost: env().AUTH_TRUST_HOST || Boolean(env().AUTH_URL) || process.env.NODE_ENV !== "production",
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: providers(),
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      return Boolean(await oidcUserId(account.providerAccountId, profile));
    },
    async jwt({ token, user, account, profile }) {
      if (user && account) token.sub = account.provider === "oidc" ? ((await oidcUserId(account.providerAccountId, profile)) ?? undefined) : user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));

export const oidcEnabled = () => Boolean(env().OIDC_ISSUER && env().OIDC_CLIENT_ID);
