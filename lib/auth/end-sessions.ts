import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Ends every session of the account, on every device (a password reset calls it). Today a
 * session token carries the account's session version, so bumping it refuses them all.
 */
export async function endAllSessions(db: Prisma.TransactionClient, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
