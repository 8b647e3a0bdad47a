import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailTokenPurpose } from "@/lib/generated/prisma/enums";
import { hashSecret, newSecret } from "@/lib/email/tokens";

/**
 * Single-use links sent to an address (sign-up, verification, password reset). The secret goes
 * into the email only; the database keeps its SHA-256, when it expires, and whether it was used.
 */
export const LINK_LIFETIME_MS: Record<EmailTokenPurpose, number> = {
  SIGN_UP: 24 * 60 * 60_000,
  VERIFY_EMAIL: 24 * 60 * 60_000,
  // A password link opens the whole account: it lives an hour.
  RESET_PASSWORD: 60 * 60_000,
};

type Tx = Prisma.TransactionClient;

/** Writes a new link for the address and returns its secret, the one time it exists in clear. */
export async function issueEmailToken(
  db: Tx,
  input: { purpose: EmailTokenPurpose; email: string; userId?: string | null; displayName?: string | null; now: Date },
): Promise<string> {
  const { secret, hash } = newSecret();
  await db.emailToken.create({
    data: {
      purpose: input.purpose,
      tokenHash: hash,
      email: input.email,
      userId: input.userId ?? null,
      displayName: input.displayName ?? null,
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + LINK_LIFETIME_MS[input.purpose]),
    },
  });
  return secret;
}

const NEXT_STEP: Record<EmailTokenPurpose, string> = {
  SIGN_UP: "Sign up again to get a new one.",
  VERIFY_EMAIL: "Ask for a new one on your Account page.",
  RESET_PASSWORD: "Ask for a new one from the sign-in page (Forgot your password?).",
};

export type OpenToken = { id: string; email: string; userId: string | null; displayName: string | null };
export type TokenLookup = { ok: true; token: OpenToken } | { ok: false; message: string };

/** The link's token if it can still be used; otherwise a plain explanation, per purpose. */
export async function findOpenToken(db: Tx, purpose: EmailTokenPurpose, secret: string, now: Date): Promise<TokenLookup> {
  const token = await db.emailToken.findUnique({
    where: { tokenHash: hashSecret(secret) },
    select: { id: true, purpose: true, email: true, userId: true, displayName: true, expiresAt: true, usedAt: true },
  });
  // A link of another kind is as unknown as a made-up one.
  if (!token || token.purpose !== purpose) return { ok: false, message: `This link is not valid: it may have been copied only in part. ${NEXT_STEP[purpose]}` };
  if (token.usedAt) return { ok: false, message: `This link has already been used. ${NEXT_STEP[purpose]}` };
  if (token.expiresAt <= now) return { ok: false, message: `This link has expired. ${NEXT_STEP[purpose]}` };
  return { ok: true, token: { id: token.id, email: token.email, userId: token.userId, displayName: token.displayName } };
}

/**
 * Finds and uses up a link in one step: of two requests using one link at once, exactly one
 * gets it (the update is guarded by "not used yet").
 */
export async function useToken(db: Tx, purpose: EmailTokenPurpose, secret: string, now: Date): Promise<TokenLookup> {
  const found = await findOpenToken(db, purpose, secret, now);
  if (!found.ok) return found;
  const { count } = await db.emailToken.updateMany({ where: { id: found.token.id, usedAt: null }, data: { usedAt: now } });
  return count === 1 ? found : { ok: false, message: `This link has already been used. ${NEXT_STEP[purpose]}` };
}
