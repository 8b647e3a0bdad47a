import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endSession, endSessions, listSessions, type SessionSummary } from "@/lib/auth/sessions";
import { enforceRateLimit } from "@/lib/limits/enforce";
import { rateLimitKey } from "@/lib/limits/rate-limits";
import type { ChangePasswordInput } from "@/lib/validation/account";
import type { Access } from "./access";
import { getMyCouple, leaveCouple } from "./couples";
import { DomainError } from "./errors";

/** The account's signed-in browsers, most recently used first. */
export function listMySessions(access: Access, now = new Date()): Promise<SessionSummary[]> {
  return listSessions(access.db, access.userId, now);
}

/** Ends one of the account's sessions; someone else's session id is not found, as a missing one is. */
export async function endMySession(access: Access, sessionId: string): Promise<void> {
  if (!(await endSession(access.db, access.userId, sessionId))) {
    throw new DomainError("not-found", "That session has already ended.");
  }
}

/** Ends every session of the account, on every device, this one included. */
export async function signOutEverywhere(access: Access): Promise<void> {
  await endSessions(access.db, access.userId);
}

/**
 * Changes the password after the current one is confirmed, and ends every other session:
 * whoever knew the old password is signed out everywhere but here. Attempts are limited as
 * for account deletion, so a session left open cannot be used to guess the password.
 */
export async function changePassword(access: Access, input: ChangePasswordInput, currentSessionId: string): Promise<void> {
  await enforceRateLimit(access.db, "password-confirm", rateLimitKey(access.userId), "Too many password attempts, so nothing was changed.");
  const user = await access.db.user.findUniqueOrThrow({ where: { id: access.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new DomainError("invalid", "That is not your current password, so nothing was changed.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await access.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: access.userId }, data: { passwordHash } });
    await endSessions(tx, access.userId, { except: currentSessionId });
  });
}

/** Every page title becomes a neutral word (or goes back to naming the page). */
export async function setNeutralTabTitle(access: Access, neutral: boolean): Promise<void> {
  await access.db.user.update({ where: { id: access.userId }, data: { neutralTabTitle: neutral } });
}

/**
 * Deletes the account and everything in it, after the password is confirmed. A couple is left
 * first, so everything shared into it is withdrawn as on any leaving (C3). Every row that holds
 * the address goes too (mail to it, invites and links sent to it, its sign-in counter), so
 * nothing meant for this person ever reaches whoever uses the address next; its sessions go with
 * the account, so every device is signed out at once. Password attempts are limited
 * ("password-confirm"), so a session left open cannot be used to guess it.
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
