"use server";

import { headers } from "next/headers";
import { auth } from "@/lib/auth";
import { acceptInviteSchema } from "@/lib/schemas/members";
import { acceptInvite } from "@/lib/server/members/accept-invite";
import { AppError, fromZodIssues, type FieldError } from "@/lib/server/errors";

/** A text field of the posted form ("" when absent or a file). */
const formText = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export type AcceptInviteState = { error?: string; fieldErrors?: FieldError[]; joined?: { email: string; newAccount: boolean } };

/** The accept page's form: anonymous (or signed in as the invitee); the token is the only authority. */
export async function acceptInviteAction(_prev: AcceptInviteState, formData: FormData): Promise<AcceptInviteState> {
  const password = formText(formData, "password");
  if (formData.has("confirm") && formText(formData, "confirm") !== password) {
    return { fieldErrors: [{ path: "confirm", message: "The two passwords differ." }] };
  }
  const parsed = acceptInviteSchema.safeParse({ token: formText(formData, "token"), password, name: formText(formData, "name") || undefined });
  if (!parsed.success) return { fieldErrors: fromZodIssues(parsed.error.issues) };
  const clientAddress = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local";
  const session = await auth();
  try {
    return { joined: await acceptInvite({ input: parsed.data, signedInUserId: session?.user?.id ?? null, clientAddress }) };
  } catch (err) {
    if (err instanceof AppError) return { error: err.fieldErrors?.length ? undefined : err.message, fieldErrors: err.fieldErrors };
    console.error("[accept-invite]", err);
    return { error: "Something went wrong. Try again." };
  }
}
