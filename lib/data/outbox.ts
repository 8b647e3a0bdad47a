import "server-only";
import type { Access } from "./access";

/**
 * The development outbox (no SMTP server configured): the messages addressed to the acting
 * user's own email address, and never anyone else's.
 */
export async function listMyOutbox(access: Access, take = 50) {
  const me = await access.db.user.findUnique({ where: { id: access.userId }, select: { email: true } });
  if (!me) return [];
  return access.db.outboxMessage.findMany({
    where: { to: { equals: me.email, mode: "insensitive" } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take,
    select: { id: true, subject: true, text: true, html: true, headers: true, createdAt: true },
  });
}
