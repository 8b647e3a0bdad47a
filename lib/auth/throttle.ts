import "server-only";
import type { Db } from "@/lib/db/types";
import {
  addressKeyPart,
  consumeRateLimit,
  hasRateLimitEntry,
  markRateLimit,
  rateLimitKey,
  refundRateLimit,
  resetRateLimit,
  type RateLimitKind,
} from "@/lib/limits/rate-limits";

/**
 * Sign-in throttling (decision 020). Each attempt first takes a point from its counters, in
 * the database and atomically, so simultaneous guesses are all counted before any password is
 * checked; a success gives the points back. Three counters:
 * - the (address, account) pair: 5 attempts per 15 minutes, so a guesser is stopped while the
 *   owner, from their own address, is not;
 * - the address: failures across all accounts, so one address cannot spray many accounts;
 * - the account, from addresses it has not signed in from in the last 30 days: many addresses
 *   guessing one account are slowed together, and the owner's usual addresses stay open.
 * Unknown emails are counted exactly like real ones, so a refusal reveals nothing.
 */
export type SignInAttempt = { email: string; address: string | null };

export type SignInGate = { allowed: true; release: (succeeded: boolean) => Promise<void> } | { allowed: false; retryAfterSeconds: number };

function keysOf({ email, address }: SignInAttempt) {
  const from = addressKeyPart(address);
  return {
    pair: rateLimitKey(email, from),
    address: rateLimitKey(from),
    account: rateLimitKey(email),
  };
}

/** Takes the attempt's points, or says how long to wait; call `release` with the outcome. */
export async function beginSignInAttempt(db: Db, attempt: SignInAttempt): Promise<SignInGate> {
  const keys = keysOf(attempt);
  const known = await hasRateLimitEntry(db, "sign-in-known-address", keys.pair);
  const taken: [RateLimitKind, string][] = [];
  const steps: [RateLimitKind, string][] = [["sign-in-pair", keys.pair], ["sign-in-address", keys.address]];
  if (!known) steps.push(["sign-in-account", keys.account]);
  for (const [kind, key] of steps) {
    const verdict = await consumeRateLimit(db, kind, key);
    if (!verdict.allowed) {
      // A refused attempt checks no password, so it costs nothing on the other counters.
      for (const [takenKind, takenKey] of taken) await refundRateLimit(db, takenKind, takenKey);
      return verdict;
    }
    taken.push([kind, key]);
  }
  return {
    allowed: true,
    release: async (succeeded) => {
      if (!succeeded) return;
      await resetRateLimit(db, "sign-in-pair", keys.pair);
      for (const [kind, key] of taken) if (kind !== "sign-in-pair") await refundRateLimit(db, kind, key);
      await markRateLimit(db, "sign-in-known-address", keys.pair);
    },
  };
}
