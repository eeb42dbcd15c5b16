import "server-only";
import type { deliveries } from "@/lib/db/schema";
import type { Delivery } from "@/lib/schemas/delivery";
import { decodeKeysetCursor, idParam } from "@/lib/schemas/common";
import { AppError } from "../errors";

export type DeliveryRow = typeof deliveries.$inferSelect;

export function toDeliveryView(row: DeliveryRow, eventType: string, webhookName: string): Delivery {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType,
    webhookId: row.webhookId,
    webhookName,
    webhookVersion: row.webhookVersion,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === "pending" || row.status === "failed" ? row.nextAttemptAt.toISOString() : null,
    lastStatusCode: row.lastStatusCode,
    lastErrorClass: row.lastErrorClass,
    divertedReason: row.divertedReason,
    divertedAt: row.divertedAt?.toISOString() ?? null,
    isTest: row.isTest,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const badCursor = () =>
  new AppError("bad_request", "Not a cursor this list issued.", [{ path: "cursor", message: "Not a cursor this list issued: start from the first page." }]);

/** Keyset cursor over (created_at, id), newest first. */
export const encodeCursor = (row: { createdAt: Date; id: string }) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
export function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const decoded = decodeKeysetCursor(cursor, idParam);
  if (!decoded) throw badCursor();
  return { createdAt: decoded.at, id: decoded.id };
}
