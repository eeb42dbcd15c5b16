"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signOut } from "@/lib/auth";
import { ORG_COOKIE, getConsoleContext } from "@/lib/auth/current";

export async function switchOrg(formData: FormData) {
  const slug = z.string().parse(formData.get("org"));
  const { orgs } = await getConsoleContext();
  if (orgs.some((o) => o.slug === slug)) {
    (await cookies()).set(ORG_COOKIE, slug, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: process.env.NODE_ENV === "production" && process.env.AUTH_URL?.startsWith("https"),
    });
  }
  redirect("/developer/overview");
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
