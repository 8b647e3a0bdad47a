import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/accounts";
import { THROTTLE_POLICY, lockedUntil, recordFailure } from "@/lib/auth/throttle";
import { createTestDb, type TestDb } from "../support/test-db";
import { cheapPasswordHash } from "../support/users";

let t: TestDb;
let passwordHash: string;
beforeAll(async () => {
  t = await createTestDb();
  passwordHash = await cheapPasswordHash(PASSWORD);
});
afterAll(() => t.close());

const PASSWORD = "the right password";
const START = new Date("2026-11-20T09:00:00.000Z");
const minutes = (n: number) => new Date(START.getTime() + n * 60_000);

let counter = 0;
/** A fresh account (and a fresh client address) per test, so tests never share counters. */
async function freshAccount() {
  counter += 1;
  const email = `throttle-${counter}@example.com`;
  await t.db.user.create({ data: { email, displayName: `User ${counter}`, passwordHash } });
  return { email, address: `192.0.2.${counter}` };
}

function attempt(email: string, password: string, now: Date, clientAddress: string | null = null) {
  return authenticate(t.db, { email, password, clientAddress }, now);
}

async function failTimes(times: number, email: string, now: Date, clientAddress: string | null = null) {
  for (let i = 0; i < times; i += 1) {
    expect(await attempt(email, "a wrong guess", now, clientAddress)).toEqual({ ok: false, reason: "wrong-credentials" });
  }
}

describe("per-account throttle", () => {
  it("after five wrong passwords, even the right one is refused until the lock ends", async () => {
    const { email } = await freshAccount();
    await failTimes(THROTTLE_POLICY.maxFailures.email, email, START);

    const locked = await attempt(email, PASSWORD, minutes(1));
    expect(locked).toEqual({ ok: false, reason: "throttled", retryAt: expect.any(Date) });
    if (locked.ok || locked.reason !== "throttled") throw new Error("expected a lock");
    expect(locked.retryAt.getTime()).toBeGreaterThan(minutes(1).getTime());
    expect(locked.retryAt).toEqual(new Date(START.getTime() + THROTTLE_POLICY.lockMs));

    expect((await attempt(email, PASSWORD, new Date(locked.retryAt.getTime() - 1))).ok).toBe(false);
    expect((await attempt(email, PASSWORD, locked.retryAt)).ok).toBe(true);
  });

  it("four wrong passwords do not lock the account", async () => {
    const { email } = await freshAccount();
    await failTimes(THROTTLE_POLICY.maxFailures.email - 1, email, START);
    expect((await attempt(email, PASSWORD, START)).ok).toBe(true);
  });

  it("a successful sign-in forgets the account's earlier failures", async () => {
    const { email } = await freshAccount();
    await failTimes(4, email, START);
    expect((await attempt(email, PASSWORD, START)).ok).toBe(true);
    await failTimes(4, email, minutes(1));
    expect((await attempt(email, PASSWORD, minutes(2))).ok).toBe(true);
  });

  it("failures older than the window no longer count", async () => {
    const { email } = await freshAccount();
    await failTimes(4, email, START);
    await failTimes(4, email, new Date(START.getTime() + THROTTLE_POLICY.windowMs + 1));
    expect((await attempt(email, PASSWORD, new Date(START.getTime() + THROTTLE_POLICY.windowMs + 2))).ok).toBe(true);
  });

  it("locks an unknown email exactly as it locks a real one, so the lock reveals nothing", async () => {
    const { email } = await freshAccount();
    const unknown = "nobody-here@example.com";
    await failTimes(5, email, START);
    await failTimes(5, unknown, START);
    expect(await attempt(unknown, PASSWORD, minutes(1))).toEqual(await attempt(email, PASSWORD, minutes(1)));
  });

  it("failures recorded at the same moment all count", async () => {
    const key = { kind: "email" as const, value: "concurrent@example.com" };
    await Promise.all(Array.from({ length: 4 }, () => recordFailure(t.db, [key], START)));
    expect(await t.db.signInThrottle.findUnique({ where: { key: "email:concurrent@example.com" } })).toMatchObject({ failures: 4 });
    expect(await lockedUntil(t.db, [key], START)).toBeNull();

    await Promise.all(Array.from({ length: 3 }, () => recordFailure(t.db, [key], START)));
    expect(await lockedUntil(t.db, [key], START)).toEqual(new Date(START.getTime() + THROTTLE_POLICY.lockMs));
  });
});

describe("per-address throttle", () => {
  it("thirty failures from one address, across different emails, lock that address for every account", async () => {
    const { email, address } = await freshAccount();
    const others = await Promise.all(Array.from({ length: THROTTLE_POLICY.maxFailures.ip }, freshAccount));
    for (const other of others) await failTimes(1, other.email, START, address);
    expect(await attempt(email, PASSWORD, minutes(1), address)).toMatchObject({ ok: false, reason: "throttled" });
    // The account itself is not locked: from another address, its owner gets in.
    expect((await attempt(email, PASSWORD, minutes(1), "198.51.100.1")).ok).toBe(true);
    // The address's lock ends too.
    expect((await attempt(email, PASSWORD, minutes(16), address)).ok).toBe(true);
  });

  it("a successful sign-in does not reset the address's count", async () => {
    const { email, address } = await freshAccount();
    const others = await Promise.all(Array.from({ length: THROTTLE_POLICY.maxFailures.ip }, freshAccount));
    for (const other of others.slice(1)) await failTimes(1, other.email, START, address);
    expect((await attempt(email, PASSWORD, START, address)).ok).toBe(true);
    await failTimes(1, others[0]!.email, START, address);
    expect(await attempt(email, PASSWORD, minutes(1), address)).toMatchObject({ ok: false, reason: "throttled" });
  });
});
