"use server";

import { signIn } from "@/lib/auth";
import { completeSetup } from "@/lib/server/install/complete-setup";
import { AppError } from "@/lib/server/errors";

/** A text field of the posted form ("" when absent or a file). */
const formText = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

export type SetupState = { error?: string; fieldErrors?: Record<string, string>; values?: { token: string; orgName: string; email: string; name: string } };

/** The /setup form: create the first organization and admin with the setup token, then sign them in. */
export async function setupConsole(_prev: SetupState, form: FormData): Promise<SetupState> {
  const raw = {
    token: formText(form, "token"),
    orgName: formText(form, "orgName"),
    email: formText(form, "email"),
    name: formText(form, "name") || undefined,
    password: formText(form, "password"),
  };
  // Echoed back so the form keeps what was typed (React resets a form after its action); never the password.
  const values = { token: raw.token, orgName: raw.orgName, email: raw.email, name: raw.name ?? "" };
  try {
    await completeSetup(raw);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const fieldErrors = Object.fromEntries((err.fieldErrors ?? []).map((f) => [f.path, f.message]));
    return { error: err.message, fieldErrors, values };
  }
  // Throws Next's redirect on success.
  await signIn("credentials", { email: raw.email, password: raw.password, redirectTo: "/developer/webhooks" });
  return {};
}
