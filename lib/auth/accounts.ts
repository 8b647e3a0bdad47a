import type { Db } from "@/lib/db/types";
import { isUniqueViolation } from "@/lib/data/transactions";
import type { NewAccountInput } from "@/lib/validation/account";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./password";
import { beginSignInAttempt } from "./throttle";

export type SignedInUser = { id: string; email: string; displayName: string };

export type RegisterResult = { ok: true; user: SignedInUser } | { ok: false; reason: "email-taken" };

/** Makes an account directly (the demo seed); people sign up through lib/auth/sign-up.ts. */
export async function registerUser(db: Db, input: NewAccountInput & { emailVerifiedAt?: Date | null }): Promise<RegisterResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, displayName: input.displayName, passwordHash, emailVerifiedAt: input.emailVerifiedAt ?? null },
      select: { id: true, email: true, displayName: true },
    });
    return { ok: true, user };
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, reason: "email-taken" };
    }
    throw error;
  }
}

export type AuthenticateResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; reason: "wrong-credentials" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/**
 * Checks an email and password. A wrong password and an unknown email give the same answer,
 * in the same time, so nobody can learn who has an account. Attempts are counted before the
 * password is checked (lib/auth/throttle.ts).
 */
export async function authenticate(
  db: Db,
  credentials: { email: string; password: string; clientAddress?: string | null },
  now = new Date(),
): Promise<AuthenticateResult> {
  const gate = await beginSignInAttempt(db, { email: credentials.email, address: credentials.clientAddress ?? null });
  if (!gate.allowed) return { ok: false, reason: "throttled", retryAt: new Date(now.getTime() + gate.retryAfterSeconds * 1000) };

  const user = await db.user.findUnique({ where: { email: credentials.email } });
  const matches = user
    ? await verifyPassword(user.passwordHash, credentials.password)
    : await verifyAgainstDecoy(credentials.password);
  await gate.release(Boolean(user && matches));
  if (!user || !matches) return { ok: false, reason: "wrong-credentials" };
  return {
    ok: true,
    user: { id: user.id, email: user.email, displayName: user.displayName },
  };
}
