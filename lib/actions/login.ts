"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth";

export type LoginState = { error?: string; email?: string };

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export async function login(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = field(formData, "email");
  const callbackUrl = field(formData, "callbackUrl");
  const redirectTo = callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/developer/overview";
  try {
    await signIn("credentials", { email, password: field(formData, "password"), redirectTo });
    return {};
  } catch (err) {
    if (err instanceof AuthError) {
      const limited = (err as AuthError & { code?: string }).code === "rate_limited";
      return {
        email,
        error: limited ? "Too many failed sign-in attempts from this network. Wait a minute and try again." : "The email or password is incorrect.",
      };
    }
    throw err;
  }
}

export async function loginWithOidc() {
  await signIn("oidc", { redirectTo: "/developer/overview" });
}
