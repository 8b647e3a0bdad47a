import type { Db } from "@/lib/db/types";
import { isUniqueViolation } from "@/lib/data/transactions";
import type { SignUpInput } from "@/lib/validation/account";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./password";
import { clearFailures, lockedUntil, recordFailure, type ThrottleKey } from "./throttle";

export type SignedInUser = { id: string; email: string; displayName: string };

export type RegisterResult = { ok: true; user: SignedInUser } | { ok: false; reason: "email-taken" };

export async function registerUser(db: Db, input: SignUpInput): Promise<RegisterResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await db.user.create({
      data: { email: input.email, displayName: input.displayName, passwordHash },
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
 * in the same time, so nobody can learn who has an account.
 */
export async function authenticate(
  db: Db,
  credentials: { email: string; password: string; clientAddress?: string | null },
  now = new Date(),
): Promise<AuthenticateResult> {
  const keys: ThrottleKey[] = [{ kind: "email", value: credentials.email }];
  if (credentials.clientAddress) keys.push({ kind: "ip", value: credentials.clientAddress });

  const retryAt = await lockedUntil(db, keys, now);
  if (retryAt) return { ok: false, reason: "throttled", retryAt };

  const user = await db.user.findUnique({ where: { email: credentials.email } });
  const matches = user
    ? await verifyPassword(user.passwordHash, credentials.password)
    : await verifyAgainstDecoy(credentials.password);
  if (!user || !matches) {
    await recordFailure(db, keys, now);
    return { ok: false, reason: "wrong-credentials" };
  }
  await clearFailures(db, credentials.email);
  return {
    ok: true,
    user: { id: user.id, email: user.email, displayName: user.displayName },
  };
}
