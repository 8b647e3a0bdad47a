import "server-only";
import type { Db } from "@/lib/db/types";
import type { OutgoingEmail } from "./mailer";

/** An email to queue, and on whose behalf it goes (that person is told if it cannot be delivered). */
export type QueuedEmailInput = Omit<OutgoingEmail, "attachments"> & { senderId?: string | null };

/**
 * Puts an email in the queue (QueuedEmail) instead of sending it: the form that asked for it
 * answers at once, and lib/email/delivery.ts sends it, with retries. Takes a transaction too,
 * so an email is queued exactly when what it announces is written.
 */
export async function enqueueEmail(db: Pick<Db, "queuedEmail">, email: QueuedEmailInput, now = new Date()): Promise<void> {
  await db.queuedEmail.create({
    data: {
      to: email.to.toLowerCase(),
      subject: email.subject,
      text: email.text,
      html: email.html,
      headers: email.headers ?? {},
      senderId: email.senderId ?? null,
      readerId: email.outboxReader?.userId ?? null,
      readerKeyHash: email.outboxReader?.keyHash ?? null,
      nextAttemptAt: now,
      createdAt: now,
    },
  });
}
