/**
 * When a dispatcher (in the app or the worker) sweeps next: after its interval, or as soon as a
 * claim another sweep holds runs out, so a killed sweep's reminders are taken over then.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { delayUntilNextSweepMs } from "@/lib/reminders/run";
import { useTestDb } from "../support/browser";
import { createCouples, minutesBefore, NEXT_CHECK_IN } from "../support/reminders";
import { createTestDb, type TestDb } from "../support/test-db";

vi.mock("@/lib/db/client", () => import("../support/browser"));

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
  await createCouples(t.db, 1, { leadMinutes: [60] });
});
afterAll(() => t.close());
beforeEach(() => t.db.reminderDelivery.deleteMany());

const NOW = minutesBefore(NEXT_CHECK_IN, 60);
const INTERVAL_MS = 60_000;

async function claimedUntil(...untils: (Date | null)[]) {
  const [member] = await t.db.user.findMany({ select: { id: true, membership: { select: { coupleId: true } } } });
  await t.db.reminderDelivery.createMany({
    data: untils.map((until, index) => ({
      userId: member!.id,
      coupleId: member!.membership!.coupleId,
      occurrenceAt: NEXT_CHECK_IN,
      leadMinutes: 60 + index,
      dueAt: NOW,
      nextAttemptAt: NOW,
      status: until ? ("SENDING" as const) : ("PENDING" as const),
      claimedBy: until ? "another-sweep" : null,
      claimedUntil: until,
    })),
  });
}

describe("the next sweep", () => {
  it("comes after the usual interval when no claim is held", async () => {
    await claimedUntil(null);
    expect(await delayUntilNextSweepMs(INTERVAL_MS, NOW)).toBe(INTERVAL_MS);
  });

  it("comes just after the first held claim runs out, when that is sooner", async () => {
    await claimedUntil(new Date(NOW.getTime() + 25_000), new Date(NOW.getTime() + 12_000));
    expect(await delayUntilNextSweepMs(INTERVAL_MS, NOW)).toBe(13_000);
  });

  it("comes after a second when a held claim has already run out, and never later than the interval", async () => {
    await claimedUntil(new Date(NOW.getTime() - 5_000));
    expect(await delayUntilNextSweepMs(INTERVAL_MS, NOW)).toBe(1_000);
    await t.db.reminderDelivery.deleteMany();
    await claimedUntil(new Date(NOW.getTime() + 5 * 60_000));
    expect(await delayUntilNextSweepMs(INTERVAL_MS, NOW)).toBe(INTERVAL_MS);
  });
});
