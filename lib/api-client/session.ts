import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";
import { createApiClient } from "./index";

export const backendUrl = () => env().BACKEND_URL ?? `http://127.0.0.1:${env().PORT}`;

/** A client acting as the signed-in user: their session cookie is forwarded, with our own Origin. */
export async function apiForSession(org: string) {
  const jar = await cookies();
  const base = backendUrl();
  return createApiClient({
    baseUrl: base,
    org,
    headers: {
      cookie: jar
        .getAll()
        .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
        .join("; "),
      origin: new URL(base).origin,
    },
  });
}
