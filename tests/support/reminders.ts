import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/types";
import type { CheckInRule } from "@/lib/check-ins/occurrences";

/**
 * Test setup for reminders: couples made directly with Prisma (as the invite flow would
 * leave them), each with a schedule and both members opted in.
 */
export const TEST_LINKS = { appUrl: "http://app.test", unsubscribeSecret: "test-secret-for-unsubscribe-links-0123456789" };

export const MONDAY_EVENING_BERLIN: CheckInRule = {
  cadence: "WEEKLY",
  weekday: 1,
  localTime: "19:00",
  timeZone: "Europe/Berlin",
  startsOn: "2026-01-05",
};

/** Monday 30 November 2026, 19:00 in Berlin. */
export const NEXT_CHECK_IN = new Date("2026-11-30T18:00:00.000Z");

export function minutesBefore(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() - minutes * 60_000);
}

export type TestCouple = { coupleId: string; members: { id: string; email: string }[] };

/** Many couples at once (createMany), for the concurrency tests and the benchmark. */
export async function createCouples(
  db: Db,
  count: number,
  options: { rule?: CheckInRule; leadMinutes?: number[]; optedIn?: boolean } = {},
): Promise<TestCouple[]> {
  const rule = options.rule ?? MONDAY_EVENING_BERLIN;
  const couples: TestCouple[] = Array.from({ length: count }, () => {
    const tag = randomUUID().slice(0, 12);
    return {
      coupleId: randomUUID(),
      members: [
        { id: randomUUID(), email: `a-${tag}@example.test` },
        { id: randomUUID(), email: `b-${tag}@example.test` },
      ],
    };
  });
  const users = couples.flatMap((couple) => couple.members);
  await db.user.createMany({
    data: users.map((user) => ({ id: user.id, email: user.email, displayName: "Partner", passwordHash: "not-a-password-hash", emailVerifiedAt: new Date() })),
  });
  await db.couple.createMany({ data: couples.map((couple) => ({ id: couple.coupleId })) });
  await db.coupleMember.createMany({
    data: couples.flatMap((couple) => couple.members.map((member) => ({ userId: member.id, coupleId: couple.coupleId }))),
  });
  await db.checkInSchedule.createMany({
    data: couples.map((couple) => ({
      coupleId: couple.coupleId,
      cadence: rule.cadence,
      weekday: rule.weekday,
      localTime: rule.localTime,
      timeZone: rule.timeZone,
      startsOn: new Date(`${rule.startsOn}T00:00:00.000Z`),
    })),
  });
  await db.reminderPreference.createMany({
    data: users.map((user) => ({ userId: user.id, emailEnabled: options.optedIn ?? true, leadMinutes: options.leadMinutes ?? [60] })),
  });
  return couples;
}

/** How many reminder rows are in each status, e.g. { SENT: 4, SKIPPED: 2 }. */
export async function deliveryStatuses(db: Db): Promise<Record<string, number>> {
  const rows = await db.reminderDelivery.groupBy({ by: ["status"], _count: true });
  return Object.fromEntries(rows.map((row) => [row.status, row._count]));
}

/**
 * A weekly rule whose next check-in is ten minutes from now on the real clock, for code that
 * sweeps with `new Date()` (the dispatcher, the worker, the cron route): with a 15-minute
 * lead time its reminders are due at once.
 */
export function checkInTenMinutesFromNow(now = new Date()): { rule: CheckInRule; leadMinutes: number[] } {
  const soon = new Date(Math.ceil((now.getTime() + 10 * 60_000) / 60_000) * 60_000);
  const rule: CheckInRule = {
    cadence: "WEEKLY",
    weekday: ((soon.getUTCDay() + 6) % 7) + 1,
    localTime: soon.toISOString().slice(11, 16),
    timeZone: "UTC",
    startsOn: soon.toISOString().slice(0, 10),
  };
  return { rule, leadMinutes: [15] };
}
