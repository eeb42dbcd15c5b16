import "server-only";
import crypto from "node:crypto";
import { env } from "@/lib/env";

// Format: v<keyVersion>:<iv b64>:<tag b64>:<ciphertext b64>. AAD binds a value to its row and field.
const KEY_VERSION = 1;

function key(): Buffer {
  return Buffer.from(env().ENCRYPTION_KEY, "base64");
}

export function encryptSecret(plain: string, aad: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv, { authTagLength: 16 });
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [`v${KEY_VERSION}`, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

export function decryptSecret(box: string, aad: string): string {
  const [version, iv, tag, data] = box.split(":");
  if (version !== `v${KEY_VERSION}` || !iv || !tag || data === undefined) throw new Error("Unreadable secret");
  const authTag = Buffer.from(tag, "base64");
  if (authTag.length !== 16) throw new Error("Unreadable secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"), { authTagLength: 16 });
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(authTag);
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}
