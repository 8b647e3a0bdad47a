import "server-only";
import type { Access } from "@/lib/data/access";
import type { Db } from "@/lib/db/types";
import { noticeInvitesWaitingFor } from "@/lib/data/notices";
import type { AccountLinks } from "@/lib/email/account-links";
import { enqueueEmail } from "@/lib/email/queue";
import { verifyAddressEmail } from "@/lib/email/templates";
import { findOpenToken, issueEmailToken, LINK_LIFETIME_MS, useToken } from "./email-tokens";

/**
 * Proving an address for accounts made before sign-up verified it (decision 018): a single-use
 * link to the account's address. Until it is used, reminders and invites sent by email do not
 * reach the account (SPEC C12).
 */
export async function getMyEmailStatus(access: Access): Promise<{ email: string; verified: boolean }> {
  const user = await access.db.user.findUniqueOrThrow({ where: { id: access.userId }, select: { email: true, emailVerifiedAt: true } });
  return { email: user.email, verified: user.emailVerifiedAt !== null };
}

export async function requestEmailVerification(access: Access, input: { links: AccountLinks; now?: Date }): Promise<"sent" | "already-verified"> {
  const now = input.now ?? new Date();
  const user = await access.db.user.findUniqueOrThrow({ where: { id: access.userId }, select: { email: true, emailVerifiedAt: true } });
  if (user.emailVerifiedAt) return "already-verified";
  await access.db.$transaction(async (tx) => {
    await tx.emailToken.deleteMany({ where: { userId: access.userId, purpose: "VERIFY_EMAIL" } });
    const secret = await issueEmailToken(tx, { purpose: "VERIFY_EMAIL", email: user.email, userId: access.userId, now });
    await enqueueEmail(
      tx,
      {
        to: user.email,
        ...verifyAddressEmail({ verifyUrl: input.links.verifyEmail(secret), lifetimeHours: LINK_LIFETIME_MS.VERIFY_EMAIL / 3_600_000 }),
        senderId: access.userId,
        // In the development outbox: only the account that asked (decision 018).
        outboxReader: { userId: access.userId, keyHash: null },
      },
      now,
    );
  });
  return "sent";
}

export async function verifyLinkStatus(db: Db, secret: string, now = new Date()) {
  const found = await findOpenToken(db, "VERIFY_EMAIL", secret, now);
  return found.ok ? { ok: true as const, email: found.token.email } : found;
}

export async function verifyEmail(
  db: Db,
  input: { secret: string; outboxKeyHash: string | null; now?: Date },
): Promise<{ ok: true } | { ok: false; message: string }> {
  const now = input.now ?? new Date();
  return db.$transaction(async (tx) => {
    const used = await useToken(tx, "VERIFY_EMAIL", input.secret, now);
    if (!used.ok) return used;
    const user = used.token.userId
      ? await tx.user.findUnique({ where: { id: used.token.userId }, select: { id: true, email: true, emailVerifiedAt: true } })
      : null;
    if (!user || user.email !== used.token.email) return { ok: false as const, message: "This link is not valid any more. Ask for a new one on your Account page." };
    await tx.user.update({
      where: { id: user.id },
      data: { emailVerifiedAt: user.emailVerifiedAt ?? now, ...(input.outboxKeyHash ? { outboxKeyHash: input.outboxKeyHash } : {}) },
    });
    if (!user.emailVerifiedAt) await noticeInvitesWaitingFor(tx, user.email, now);
    return { ok: true as const };
  });
}
