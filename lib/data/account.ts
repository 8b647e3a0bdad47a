import "server-only";
import { verifyPassword } from "@/lib/auth/password";
import { enforceRateLimit } from "@/lib/limits/enforce";
import { rateLimitKey } from "@/lib/limits/rate-limits";
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
 * nothing meant for this person ever reaches whoever uses the address next. Password attempts
 * are limited ("password-confirm"), so a session left open cannot be used to guess it.
 */
export async function deleteAccount(access: Access, password: string, now = new Date()): Promise<void> {
  await enforceRateLimit(access.db, "password-confirm", rateLimitKey(access.userId), "Too many password attempts, so nothing was deleted.");
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
    // Its failed sign-in counter (the other counters are keyed by client address and expire).
    access.db.rateLimit.deleteMany({ where: { key: `sign-in-account:${rateLimitKey(address)}` } }),
    // Cascades to what the account owns, its reader-bound mail and its links included.
    access.db.user.delete({ where: { id: access.userId } }),
  ]);
}
