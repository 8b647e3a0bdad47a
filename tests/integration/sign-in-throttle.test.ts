import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { authenticate } from "@/lib/auth/accounts";
import { RATE_LIMITS } from "@/lib/limits/rate-limits";
import { createTestDb, type TestDb } from "../support/test-db";
import { cheapPasswordHash } from "../support/users";
import { raceTest } from "../support/races";

let t: TestDb;
let passwordHash: string;
beforeAll(async () => {
  t = await createTestDb();
  passwordHash = await cheapPasswordHash(PASSWORD);
});
afterAll(() => t.close());
afterEach(() => {
  vi.useRealTimers();
});

const PASSWORD = "the right password";
const PAIR = RATE_LIMITS["sign-in-pair"];
const ACCOUNT = RATE_LIMITS["sign-in-account"];
const ADDRESS = RATE_LIMITS["sign-in-address"];

let counter = 0;
/** A fresh account, the owner's own address, and a stranger's, per test, so tests never share counters. */
async function freshAccount() {
  counter += 1;
  const email = `throttle-${counter}@example.com`;
  await t.db.user.create({ data: { email, displayName: `User ${counter}`, passwordHash } });
  return { email, owner: `192.0.2.${counter}`, stranger: `198.51.100.${counter}` };
}

function attempt(email: string, password: string, clientAddress: string | null) {
  return authenticate(t.db, { email, password, clientAddress });
}

async function failTimes(times: number, email: string, clientAddress: string | null) {
  for (let i = 0; i < times; i += 1) {
    expect(await attempt(email, "a wrong guess", clientAddress)).toEqual({ ok: false, reason: "wrong-credentials" });
  }
}

/** Moves the clock (Date only: the database and its driver keep real timers). */
function clockAt(time: Date) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(time);
}

describe("one address guessing one account", () => {
  it("after five wrong passwords, that address is refused even the right one, with a time to try again", async () => {
    const { email, stranger } = await freshAccount();
    await failTimes(PAIR.points, email, stranger);

    const refused = await attempt(email, PASSWORD, stranger);
    expect(refused).toEqual({ ok: false, reason: "throttled", retryAt: expect.any(Date) });
    if (refused.ok || refused.reason !== "throttled") throw new Error("expected a refusal");
    const waitMs = refused.retryAt.getTime() - Date.now();
    expect(waitMs).toBeGreaterThan(14 * 60_000);
    expect(waitMs).toBeLessThanOrEqual(PAIR.duration * 1000 + 1000);
  });

  it("the owner still signs in from their own address while a stranger is refused from another", async () => {
    const { email, owner, stranger } = await freshAccount();
    await failTimes(PAIR.points, email, stranger);
    expect(await attempt(email, PASSWORD, stranger)).toMatchObject({ ok: false, reason: "throttled" });

    expect((await attempt(email, PASSWORD, owner)).ok).toBe(true);
    // Going on with the attack changes nothing for the owner.
    expect(await attempt(email, "another guess", stranger)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await attempt(email, PASSWORD, owner)).ok).toBe(true);
  });

  it("four wrong passwords do not stop the right one", async () => {
    const { email, owner } = await freshAccount();
    await failTimes(PAIR.points - 1, email, owner);
    expect((await attempt(email, PASSWORD, owner)).ok).toBe(true);
  });

  it("a successful sign-in starts the count again", async () => {
    const { email, owner } = await freshAccount();
    await failTimes(PAIR.points - 1, email, owner);
    expect((await attempt(email, PASSWORD, owner)).ok).toBe(true);
    await failTimes(PAIR.points - 1, email, owner);
    expect((await attempt(email, PASSWORD, owner)).ok).toBe(true);
  });

  it("the refusal ends when the window does", async () => {
    const start = new Date();
    const { email, stranger } = await freshAccount();
    await failTimes(PAIR.points, email, stranger);
    clockAt(new Date(start.getTime() + PAIR.duration * 1000 - 60_000));
    expect(await attempt(email, PASSWORD, stranger)).toMatchObject({ ok: false, reason: "throttled" });
    clockAt(new Date(start.getTime() + PAIR.duration * 1000 + 60_000));
    expect((await attempt(email, PASSWORD, stranger)).ok).toBe(true);
  });

  it("refuses an unknown email exactly as a real one, so the refusal reveals nothing", async () => {
    const { email, stranger } = await freshAccount();
    const unknown = `nobody-${counter}@example.com`;
    await failTimes(PAIR.points, email, stranger);
    await failTimes(PAIR.points, unknown, stranger);
    const [real, missing] = [await attempt(email, PASSWORD, stranger), await attempt(unknown, PASSWORD, stranger)];
    expect(missing).toEqual({ ...real, retryAt: expect.any(Date) });
  });

  raceTest("counts simultaneous guesses atomically: of 30 at once, exactly five reach the password check", async () => {
    const { email, stranger } = await freshAccount();
    const results = await Promise.all(Array.from({ length: 30 }, () => attempt(email, "a wrong guess", stranger)));
    expect(results.filter((result) => !result.ok && result.reason === "wrong-credentials")).toHaveLength(PAIR.points);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(30 - PAIR.points);
  });
});

describe("many addresses guessing one account", () => {
  it("slows every address the account has not signed in from, while the owner's own address stays open", async () => {
    const { email, owner } = await freshAccount();
    expect((await attempt(email, PASSWORD, owner)).ok).toBe(true);

    // Four guesses from each of many addresses, below each address's own limit.
    const guessers = Array.from({ length: ACCOUNT.points / 4 }, (_, i) => `203.0.113.${i + 1}`);
    for (const guesser of guessers) await failTimes(4, email, guesser);

    expect(await attempt(email, "a wrong guess", "203.0.113.200")).toMatchObject({ ok: false, reason: "throttled" });
    expect(await attempt(email, PASSWORD, "203.0.113.201")).toMatchObject({ ok: false, reason: "throttled" });
    expect((await attempt(email, PASSWORD, owner)).ok).toBe(true);
  });

  it("an IPv6 guesser counts by its /64 network, so stepping through its addresses does not help", async () => {
    const { email } = await freshAccount();
    for (let i = 1; i <= PAIR.points; i += 1) await failTimes(1, email, `2001:db8:${counter}:1::${i.toString(16)}`);
    expect(await attempt(email, PASSWORD, `2001:db8:${counter}:1::ffff`)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await attempt(email, PASSWORD, `2001:db8:${counter}:2::1`)).ok).toBe(true);
  });
});

describe("one address guessing many accounts", () => {
  it("is refused for every account once its failures pass the address's limit; other addresses are not", async () => {
    const { email, owner, stranger } = await freshAccount();
    const targets = Array.from({ length: ADDRESS.points / 5 }, (_, i) => `sprayed-${counter}-${i}@example.com`);
    await t.db.user.createMany({ data: targets.map((target) => ({ email: target, displayName: "Target", passwordHash })) });
    for (const target of targets) await failTimes(5, target, stranger);

    expect(await attempt(email, PASSWORD, stranger)).toMatchObject({ ok: false, reason: "throttled" });
    expect((await attempt(email, PASSWORD, owner)).ok).toBe(true);
  });
});
