import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Access } from "@/lib/data/access";
import type { Db } from "@/lib/db/types";

export type TestUser = { id: string; email: string; displayName: string };

/**
 * A user who never signs in with a password (edge tests mint their session token directly,
 * tests/support/browser.ts), so no argon2 hash is spent on it: the stored hash matches no password.
 * Their address is verified, as every account made by signing up is; `{ verified: false }`
 * makes one from before that.
 */
export async function createUser(db: Db, displayName: string, options: { verified?: boolean; email?: string } = {}): Promise<TestUser> {
  const email = options.email ?? `${displayName.toLowerCase()}-${randomUUID().slice(0, 8)}@example.test`;
  return db.user.create({
    data: { email, displayName, passwordHash: "not-a-password-hash", emailVerifiedAt: options.verified === false ? null : new Date() },
    select: { id: true, email: true, displayName: true },
  });
}

export function accessFor(db: Db, user: { id: string }): Access {
  return { db, userId: user.id };
}

/**
 * An argon2id hash at the lowest cost the algorithm allows. Verifying it exercises the real
 * check in a millisecond, for tests about what happens around the password (throttling),
 * not about the hash's strength.
 */
export function cheapPasswordHash(password: string): Promise<string> {
  return hash(password, { memoryCost: 8, timeCost: 1, parallelism: 1 });
}
