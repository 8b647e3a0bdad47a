import type { Db } from "@/lib/db/types";
import { deliverQueuedEmails } from "@/lib/email/delivery";
import { createOutboxMailer } from "@/lib/email/mailer";

/** Delivers everything queued into the development outbox, as the app's delivery run would. */
export function deliverToOutbox(db: Db, now = new Date()) {
  return deliverQueuedEmails({ db, send: createOutboxMailer(db), now: () => now, workerId: "test-delivery" });
}

/** The secret of the first link to `path` (e.g. "/sign-up/confirm") in the newest queued or delivered email to `to`. */
export async function linkSecretIn(db: Db, to: string, path: string): Promise<string | null> {
  const pattern = new RegExp(`${path}/([\\w-]+)`);
  const queued = await db.queuedEmail.findMany({ where: { to }, orderBy: { createdAt: "desc" } });
  const delivered = await db.outboxMessage.findMany({ where: { to }, orderBy: { createdAt: "desc" } });
  for (const message of [...queued, ...delivered]) {
    const found = message.text.match(pattern)?.[1];
    if (found) return found;
  }
  return null;
}
