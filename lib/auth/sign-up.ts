import "server-only";
import type { Db } from "@/lib/db/types";
import { noticeInvitesWaitingFor } from "@/lib/data/notices";
import { isUniqueViolation } from "@/lib/data/transactions";
import type { AccountLinks } from "@/lib/email/account-links";
import { enqueueEmail } from "@/lib/email/queue";
import { accountExistsEmail, signUpLinkEmail } from "@/lib/email/templates";
import { findOpenToken, issueEmailToken, LINK_LIFETIME_MS, useToken } from "./email-tokens";
import { hashPassword } from "./password";

/**
 * Signing up is two steps, so that nobody can learn from the form whether an address has an
 * account (SPEC C12) and nobody can hold an address they cannot read (decision 018):
 * 1. requestSignUp: name and address. The answer is always "check your email". A new address
 *    gets a single-use link; an address with an account gets a neutral note instead.
 * 2. completeSignUp: whoever opens the link chooses the password, and the account is made
 *    with its address already verified.
 */
export async function requestSignUp(
  db: Db,
  input: { email: string; displayName: string; callbackPath: string | null; links: AccountLinks; outboxKeyHash: string | null; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  await db.$transaction(async (tx) => {
    if (existing) {
      // To the owner only (no outbox reader): the person who typed the address learns nothing.
      await enqueueEmail(tx, { to: input.email, ...accountExistsEmail({ signInUrl: input.links.signIn(), resetUrl: input.links.forgotPassword() }) }, now);
      return;
    }
    const secret = await issueEmailToken(tx, { purpose: "SIGN_UP", email: input.email, displayName: input.displayName, now });
    await enqueueEmail(
      tx,
      {
        to: input.email,
        ...signUpLinkEmail({ confirmUrl: input.links.signUp(secret, input.callbackPath), lifetimeHours: LINK_LIFETIME_MS.SIGN_UP / 3_600_000 }),
        outboxReader: { userId: null, keyHash: input.outboxKeyHash },
      },
      now,
    );
  });
}

export type SignUpLink = { ok: true; email: string; displayName: string } | { ok: false; message: string };

const ALREADY_AN_ACCOUNT = "This address already has an account. Sign in, or choose a new password if you forgot it.";

/** What the sign-up link's page shows. Only someone who reads the address's mail gets here. */
export async function signUpLinkStatus(db: Db, secret: string, now = new Date()): Promise<SignUpLink> {
  const found = await findOpenToken(db, "SIGN_UP", secret, now);
  if (!found.ok) return found;
  if (await db.user.findUnique({ where: { email: found.token.email }, select: { id: true } })) return { ok: false, message: ALREADY_AN_ACCOUNT };
  return { ok: true, email: found.token.email, displayName: found.token.displayName ?? "" };
}

export async function completeSignUp(
  db: Db,
  input: { secret: string; displayName: string; password: string; outboxKeyHash: string | null; now?: Date },
): Promise<{ ok: true; email: string } | { ok: false; message: string }> {
  const now = input.now ?? new Date();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const used = await useToken(tx, "SIGN_UP", input.secret, now);
      if (!used.ok) return used;
      const { email } = used.token;
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) return { ok: false as const, message: ALREADY_AN_ACCOUNT };
      await tx.user.create({
        data: { email, displayName: input.displayName, passwordHash, emailVerifiedAt: now, outboxKeyHash: input.outboxKeyHash },
      });
      // Other sign-up links for the address (someone else's attempt, or an older one) end here.
      await tx.emailToken.deleteMany({ where: { purpose: "SIGN_UP", email, usedAt: null } });
      await noticeInvitesWaitingFor(tx, email, now);
      return { ok: true as const, email };
    });
  } catch (error) {
    // Two links for one address used at the same moment: the other one made the account.
    if (isUniqueViolation(error)) return { ok: false, message: ALREADY_AN_ACCOUNT };
    throw error;
  }
}
