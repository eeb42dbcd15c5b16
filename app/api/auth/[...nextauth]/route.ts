// GET, POST /api/auth/* — next-auth (sign-in, callbacks, session); POST bodies are limited to 64 KiB while streaming
import { handlers } from "@/lib/auth";
import { withBodyLimit } from "@/lib/http/body-limit";
import { MAX_AUTH_BODY_BYTES } from "@/lib/http/read-body";

export const GET = handlers.GET;
export const POST = withBodyLimit(handlers.POST, MAX_AUTH_BODY_BYTES);
