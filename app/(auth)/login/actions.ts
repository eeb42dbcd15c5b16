"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";

export type LoginState = { error?: string; email?: string };

export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const callbackUrl = String(formData.get("callbackUrl") ?? "");
  const redirectTo = callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/developer/overview";
  try {
    await signIn("credentials", { email, password: String(formData.get("password") ?? ""), redirectTo });
    return {};
  } catch (err) {
    if (err instanceof AuthError) {
      const limited = (err as AuthError & { code?: string }).code === "rate_limited";
      return {
        email,
        error: limited ? "Too many failed sign-in attempts. Wait 15 minutes and try again." : "The email or password is incorrect.",
      };
    }
    throw err;
  }
}

export async function loginWithOidc() {
  await signIn("oidc", { redirectTo: "/developer/overview" });
}
