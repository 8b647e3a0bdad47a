import "server-only";
import type { Db } from "@/lib/db/types";
import { noticeInvitesWaitingFor } from "@/lib/data/notices";
import type { AccountLinks } from "@/lib/email/account-links";
import { enqueueEmail } from "@/lib/email/queue";
import { passwordResetEmail } from "@/lib/email/templates";
import { endSessions } from "./sessions";
import { findOpenToken, issueEmailToken, LINK_LIFETIME_MS, useToken } from "./email-tokens";
import { hashPassword } from "./password";

/**
 * "Forgot your password?": a single-use link, valid an hour, to the account's address. The
 * request answers the same whether or not the address has an account (SPEC C12); only the
 * newest link works. Choosing the new password ends every session of the account.
 */
export async function requestPasswordReset(db: Db, input: { email: string; links: AccountLinks; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, outboxKeyHash: true } });
  if (!user) return;
  await db.$transaction(async (tx) => {
    await tx.emailToken.deleteMany({ where: { userId: user.id, purpose: "RESET_PASSWORD" } });
    const secret = await issueEmailToken(tx, { purpose: "RESET_PASSWORD", email: user.email, userId: user.id, now });
    await enqueueEmail(
      tx,
      {
        to: user.email,
        ...passwordResetEmail({ resetUrl: input.links.resetPassword(secret), lifetimeMinutes: LINK_LIFETIME_MS.RESET_PASSWORD / 60_000 }),
        // In the development outbox: the account's own browser (decision 018), never the asker's.
        outboxReader: { userId: user.id, keyHash: user.outboxKeyHash },
      },
      now,
    );
  });
}

export async function resetLinkStatus(db: Db, secret: string, now = new Date()) {
  const found = await findOpenToken(db, "RESET_PASSWORD", secret, now);
  return found.ok ? { ok: true as const, email: found.token.email } : found;
}

/** Sets the new password, proves the address (the link was read there) and ends every session. */
export async function resetPassword(
  db: Db,
  input: { secret: string; password: string; outboxKeyHash: string | null; now?: Date },
): Promise<{ ok: true; email: string } | { ok: false; message: string }> {
  const now = input.now ?? new Date();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const used = await useToken(tx, "RESET_PASSWORD", input.secret, now);
    if (!used.ok) return used;
    const user = used.token.userId
      ? await tx.user.findUnique({ where: { id: used.token.userId }, select: { id: true, email: true, emailVerifiedAt: true } })
      : null;
    if (!user || user.email !== used.token.email) return { ok: false as const, message: "This link is not valid any more. Ask for a new one." };
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now, ...(input.outboxKeyHash ? { outboxKeyHash: input.outboxKeyHash } : {}) },
    });
    await endSessions(tx, user.id);
    // A reset link proves the address too: an invite waiting for it is now this account's.
    if (!user.emailVerifiedAt) await noticeInvitesWaitingFor(tx, user.email, now);
    return { ok: true as const, email: user.email };
  });
}
