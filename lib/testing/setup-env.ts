// Vitest setup: deterministic secrets so tests never write into ./.data.
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";

process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString("base64url");
process.env.ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.DATA_DIR ??= path.join(os.tmpdir(), `wc-vitest-${process.pid}`);
process.env.ALLOWED_TARGET_CIDRS ??= "127.0.0.0/8,::1/128";
process.env.TEST_PASSWORD_HASH_LOG_N ??= "12"; // fast hashes in tests; refused in production (lib/crypto/password.ts)
