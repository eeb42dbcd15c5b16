import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { env } from "@/lib/env";
import { verifyCredentials, userIdForEmail } from "@/lib/server/auth/verify-credentials";

class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

function providers(): Provider[] {
  const e = env();
  const list: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
        const result = await verifyCredentials(String(credentials.email ?? ""), String(credentials.password ?? ""), ip);
        if (result === "rate_limited") throw new TooManyAttempts();
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

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: providers(),
  callbacks: {
    // OIDC sign-in is allowed only for people who already have an account (invited by an admin).
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      return Boolean(user.email && (await userIdForEmail(user.email)));
    },
    async jwt({ token, user, account }) {
      if (user && account) token.sub = account.provider === "oidc" ? ((await userIdForEmail(user.email!)) ?? undefined) : user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));

export const oidcEnabled = () => Boolean(env().OIDC_ISSUER && env().OIDC_CLIENT_ID);
