import crypto from "node:crypto";

export const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

/** An opaque credential with a recognisable prefix, e.g. `wck_…` for API keys. */
export const randomToken = (prefix: string, bytes = 24) => `${prefix}_${crypto.randomBytes(bytes).toString("base64url")}`;

export const newId = () => crypto.randomUUID();
