import "server-only";
import type { Access } from "./access";

/** How long a failed email is shown to its sender: as long as the invite it carried could work. */
const SHOWN_FOR_MS = 7 * 24 * 60 * 60_000;

/**
 * Emails sent on the acting user's behalf (an invite, a verification link) that could not be
 * delivered after every retry: shown to them, and only to them, instead of failing silently.
 */
export function listMyUndeliveredEmails(access: Access, now = new Date()) {
  return access.db.queuedEmail.findMany({
    where: { senderId: access.userId, status: "FAILED", createdAt: { gt: new Date(now.getTime() - SHOWN_FOR_MS) } },
    orderBy: { createdAt: "desc" },
    take: 5,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}
