import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import type { Access } from "./access";
import { getMyCouple, leaveCouple } from "./couples";
import { DomainError } from "./errors";

/** Ends every session of the account, on every device: their tokens carry the old version. */
export async function signOutEverywhere(access: Access): Promise<void> {
  await access.db.user.update({ where: { id: access.userId }, data: { sessionVersion: { increment: 1 } } });
}

/**
 * Deletes the account and everything in it, after the password is confirmed. A couple is left
 * first, so everything shared into it is withdrawn as on any leaving (C3). Every row that holds
 * the address goes too (mail to it, invites and links sent to it, its sign-in counter), so
 * nothing meant for this person ever reaches whoever uses the address next.
 */
export async function deleteAccount(access: Access, password: string, now = new Date()): Promise<void> {
  const user = await access.db.user.findUniqueOrThrow({ where: { id: access.userId }, select: { passwordHash: true, email: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new DomainError("invalid", "That password is not right, so nothing was deleted.");
  }
  if (await getMyCouple(access)) await leaveCouple(access, now);
  const address = user.email;
  await access.db.$transaction([
    access.db.outboxMessage.deleteMany({ where: { to: address } }),
    access.db.queuedEmail.deleteMany({ where: { to: address } }),
    access.db.coupleInvite.deleteMany({ where: { email: address } }),
    access.db.emailToken.deleteMany({ where: { email: address } }),
    access.db.signInThrottle.deleteMany({ where: { key: `email:${address}` } }),
    // Cascades to what the account owns, its reader-bound mail and its links included.
    access.db.user.delete({ where: { id: access.userId } }),
  ]);
}
