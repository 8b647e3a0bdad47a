import type { Db } from "@/lib/db/types";

/**
 * Sign-in throttling. Failures are counted per key (the account's email, and the client's
 * address) in a fixed window; past the limit the key is locked for a while, even for the
 * right password, so guessing cannot go on.
 */
export const THROTTLE_POLICY = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxFailures: { email: 5, ip: 30 },
} as const;

export type ThrottleKey = { kind: "email" | "ip"; value: string };

function keyOf(key: ThrottleKey): string {
  return `${key.kind}:${key.value}`;
}

/** The time until which one of the keys is locked, or null when sign-in may be tried. */
export async function lockedUntil(db: Db, keys: ThrottleKey[], now: Date): Promise<Date | null> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: keys.map(keyOf) }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const times = rows.flatMap((row) => (row.lockedUntil ? [row.lockedUntil.getTime()] : []));
  return times.length ? new Date(Math.max(...times)) : null;
}

export async function recordFailure(db: Db, keys: ThrottleKey[], now: Date): Promise<void> {
  for (const key of keys) {
    const id = keyOf(key);
    await db.$transaction(async (tx) => {
      // Row lock first, so two concurrent failures both count.
      await tx.$executeRaw`INSERT INTO "SignInThrottle" ("key", "failures", "windowStartedAt") VALUES (${id}, 0, ${now}) ON CONFLICT ("key") DO NOTHING`;
      const [row] = await tx.$queryRaw<{ failures: number; windowStartedAt: Date }[]>`
        SELECT "failures", "windowStartedAt" FROM "SignInThrottle" WHERE "key" = ${id} FOR UPDATE`;
      const windowOpen = row !== undefined && now.getTime() - row.windowStartedAt.getTime() < THROTTLE_POLICY.windowMs;
      const failures = (windowOpen ? row.failures : 0) + 1;
      const locked = failures >= THROTTLE_POLICY.maxFailures[key.kind];
      await tx.signInThrottle.update({
        where: { key: id },
        data: {
          failures: locked ? 0 : failures,
          windowStartedAt: windowOpen && !locked ? row.windowStartedAt : now,
          lockedUntil: locked ? new Date(now.getTime() + THROTTLE_POLICY.lockMs) : undefined,
        },
      });
    });
  }
}

/** A successful sign-in forgets the account's failures (the address keeps its count). */
export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: keyOf({ kind: "email", value: email }) } });
}
