import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { mailOutbox } from "@/lib/db/schema";

const RETRY_MINUTES = [1, 5, 30, 120, 360];
const LEASE_MS = 2 * 60_000;

export function createMailer(smtpUrl: string): Transporter {
  // Bounded waits: a slow SMTP server delays only the outbox, never deliveries (the outbox has its own loop).
  return nodemailer.createTransport(smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
}

/**
 * Sends due outbox e-mails: rows are leased (FOR UPDATE SKIP LOCKED, so several workers never send one twice),
 * sent one by one, then marked sent or scheduled again; after the last retry the error stays on the row.
 */
export async function drainMailOutbox(db: Db, mailer: Transporter, from: string, { limit = 20, now = Date.now() } = {}) {
  const due = await db.execute<{ id: string; to_address: string; subject: string; text_body: string; attempts: number }>(sql`
    update ${mailOutbox} set lease_until = ${new Date(now + LEASE_MS).toISOString()}::timestamptz
    where id in (
      select id from ${mailOutbox}
      where sent_at is null and next_attempt_at <= ${new Date(now).toISOString()}::timestamptz
        and (lease_until is null or lease_until < ${new Date(now).toISOString()}::timestamptz)
      order by next_attempt_at limit ${limit} for update skip locked)
    returning id, to_address, subject, text_body, attempts`);
  let sent = 0;
  for (const m of due.rows) {
    try {
      await mailer.sendMail({ from, to: m.to_address, subject: m.subject, text: m.text_body });
      await db.execute(sql`update ${mailOutbox} set sent_at = now(), attempts = attempts + 1, lease_until = null, last_error = null where id = ${m.id}`);
      sent++;
    } catch (err) {
      const wait = RETRY_MINUTES[m.attempts];
      const next = wait === undefined ? "infinity" : new Date(Date.now() + wait * 60_000).toISOString();
      await db.execute(
        sql`update ${mailOutbox} set attempts = attempts + 1, lease_until = null, last_error = ${String(err).slice(0, 500)}, next_attempt_at = ${next}::timestamptz where id = ${m.id}`,
      );
    }
  }
  return sent;
}
