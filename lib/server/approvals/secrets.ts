import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

// A proposed credential is bound to its change request: it cannot be replayed into another request or webhook.
const aad = (changeRequestId: string) => `change_request:${changeRequestId}:auth`;

export const sealProposedSecret = (changeRequestId: string, value: string) => encryptSecret(value, aad(changeRequestId));
export const openProposedSecret = (changeRequestId: string, box: string) => decryptSecret(box, aad(changeRequestId));

// Proposed secret header values (name -> values), sealed to the request like the proposed credential.
const headersAad = (changeRequestId: string) => `change_request:${changeRequestId}:secret_headers`;

export const sealProposedSecretHeaders = (changeRequestId: string, values: Record<string, string[]>) =>
  encryptSecret(JSON.stringify(values), headersAad(changeRequestId));
export const openProposedSecretHeaders = (changeRequestId: string, box: string) =>
  JSON.parse(decryptSecret(box, headersAad(changeRequestId))) as Record<string, string[]>;
