import "server-only";
import type { Db } from "@/lib/db/types";

/**
 * Who reads the development outbox (no SMTP server, loopback only): the signed-in account, if
 * any, and this browser, by the hash of its outbox key (lib/email/outbox-key.ts), if any.
 */
export type OutboxViewer = { db: Db; userId: string | null; keyHash: string | null };

/**
 * The messages this viewer may read, as a mailbox would show them to the address's owner:
 * - a message meant for one reader (a sign-up, verification or password link) only by that
 *   account or that browser;
 * - any other message (invites, reminders, notes about the account) only by the account that
 *   has verified the address it was sent to. A stranger who signs up with someone else's
 *   address never verifies it, so never reads their mail (SPEC C12).
 */
export async function listOutbox(viewer: OutboxViewer, take = 50) {
  const me = viewer.userId
    ? await viewer.db.user.findUnique({ where: { id: viewer.userId }, select: { email: true, emailVerifiedAt: true } })
    : null;
  const readable = [
    ...(viewer.userId ? [{ readerId: viewer.userId }] : []),
    ...(viewer.keyHash ? [{ readerKeyHash: viewer.keyHash }] : []),
    ...(me?.emailVerifiedAt ? [{ to: me.email, readerId: null, readerKeyHash: null }] : []),
  ];
  if (readable.length === 0) return [];
  return viewer.db.outboxMessage.findMany({
    where: { OR: readable },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, subject: true, text: true, html: true, headers: true, createdAt: true },
  });
}
