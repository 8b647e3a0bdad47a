/**
 * The calendar file on /check-ins (decision 040) carries what the couple agreed: a skipped
 * check-in is absent, a moved one is at its new time, and a one-off conversation is there too;
 * the file is the couple's alone.
 */
import { DateTime } from "luxon";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as calendarGet } from "@/app/check-ins/check-in.ics/route";
import { occurrencesAfter } from "@/lib/check-ins/occurrences";
import { getMyCheckIn, moveOccurrence, saveCheckInSchedule, skipOccurrence } from "@/lib/data/check-ins";
import { signInAs, signOut, useTestDb } from "../support/browser";
import { expandCalendar } from "../support/calendar";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser, type TestUser } from "../support/users";

const env = vi.hoisted(() => ({
  NODE_ENV: "test" as const,
  NEXTAUTH_SECRET: "calendar-test-secret-0123456789abcdef0123456789",
  APP_URL: "http://app.test",
  REMINDER_DISPATCH: "external" as const,
  SMTP_URL: undefined as string | undefined,
  CRON_SECRET: undefined as string | undefined,
}));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const ZONE = "Europe/Berlin";
const fetchCalendar = () => calendarGet(new Request("http://app.test/check-ins/check-in.ics"), {});

let t: TestDb;
let me: TestUser;
let partner: TestUser;
let otherPartner: TestUser;
let stranger: TestUser;
let coupleId: string;
let planned: Date[];
let movedTo: Date;
let oneOff: Date;

beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
  me = await createUser(t.db, "Me");
  partner = await createUser(t.db, "Partner");
  otherPartner = await createUser(t.db, "Other partner");
  stranger = await createUser(t.db, "Stranger");
  const otherOne = await createUser(t.db, "Other one");
  coupleId = (await t.db.couple.create({ data: { members: { create: [{ userId: me.id }, { userId: partner.id }] } } })).id;
  await t.db.couple.create({ data: { members: { create: [{ userId: otherPartner.id }, { userId: otherOne.id }] } } });
  await saveCheckInSchedule(accessFor(t.db, me), { cadence: "WEEKLY", weekday: 7, localTime: "19:00", timeZone: ZONE });
  await saveCheckInSchedule(accessFor(t.db, otherPartner), { cadence: "WEEKLY", weekday: 2, localTime: "08:15", timeZone: "Asia/Tokyo" });
  const checkIn = await getMyCheckIn(accessFor(t.db, me));
  planned = occurrencesAfter(checkIn!.schedule!, new Date(), 4);
  // The third check-in moves to the Monday after, 20:30 Berlin time; a one-off sits on the first Wednesday.
  movedTo = DateTime.fromJSDate(planned[2]!, { zone: ZONE }).plus({ days: 1 }).set({ hour: 20, minute: 30 }).toJSDate();
  oneOff = DateTime.fromJSDate(planned[0]!, { zone: ZONE }).plus({ days: 3 }).set({ hour: 18, minute: 0 }).toJSDate();
  await skipOccurrence(accessFor(t.db, me), planned[1]!);
  await moveOccurrence(accessFor(t.db, partner), planned[2]!, movedTo);
  await t.db.couple.update({ where: { id: coupleId }, data: { conversationAt: oneOff } });
});
afterAll(() => t.close());
beforeEach(() => signOut());

describe("the couple's calendar file", () => {
  it("leaves out a skipped check-in, shows a moved one at its new time, and adds the one-off conversation", async () => {
    await signInAs(partner);
    const response = await fetchCalendar();
    expect(response.status).toBe(200);
    const text = await response.text();
    const until = DateTime.fromJSDate(planned[0]!).plus({ weeks: 20 }).toJSDate();
    const shown = expandCalendar(text, until);
    const times = shown.map((entry) => entry.at.getTime());

    expect(times).not.toContain(planned[1]!.getTime());
    expect(times).not.toContain(planned[2]!.getTime());
    expect(shown.filter((entry) => entry.movedFrom)).toEqual([{ uid: `check-in-${coupleId}@common-ground`, at: movedTo, movedFrom: planned[2] }]);
    expect(shown.filter((entry) => entry.uid !== `check-in-${coupleId}@common-ground`)).toEqual([
      { uid: `conversation-${coupleId}@common-ground`, at: oneOff, movedFrom: null },
    ]);
    // The file starts with the schedule's first date, which may already have passed today.
    const ahead = shown.filter((entry) => entry.at.getTime() >= planned[0]!.getTime());
    expect(ahead.slice(0, 4).map((entry) => entry.at)).toEqual([planned[0], oneOff, movedTo, planned[3]]);
    // Every other check-in in the next 20 weeks stays on Sunday at 19:00 in Berlin, across the change to summer time.
    const asPlanned = shown.filter((entry) => entry.uid.startsWith("check-in-") && !entry.movedFrom);
    expect(asPlanned.length).toBeGreaterThanOrEqual(18);
    for (const entry of asPlanned) {
      const local = DateTime.fromJSDate(entry.at, { zone: ZONE });
      expect([local.weekday, local.toFormat("HH:mm")]).toEqual([7, "19:00"]);
    }
  });

  it("is the same file for both partners", async () => {
    await signInAs(me);
    const mine = expandCalendar(await (await fetchCalendar()).text(), new Date(Date.now() + 90 * 86_400_000));
    await signInAs(partner);
    expect(expandCalendar(await (await fetchCalendar()).text(), new Date(Date.now() + 90 * 86_400_000))).toEqual(mine);
  });

  it("gives the partner of another couple only their own couple's check-ins", async () => {
    await signInAs(otherPartner);
    const response = await fetchCalendar();
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(coupleId);
    expect(text).not.toContain(ZONE);
    const shown = expandCalendar(text, new Date(Date.now() + 60 * 86_400_000));
    expect(shown.length).toBeGreaterThan(0);
    for (const entry of shown) {
      expect(entry.movedFrom).toBeNull();
      expect(DateTime.fromJSDate(entry.at, { zone: "Asia/Tokyo" }).toFormat("c HH:mm")).toBe("2 08:15");
    }
  });

  it("is not found for a stranger, and refused to a signed-out visitor", async () => {
    await signInAs(stranger);
    expect((await fetchCalendar()).status).toBe(404);
    signOut();
    expect((await fetchCalendar()).status).toBe(401);
  });

  it("holds the one-off alone for a couple that has no schedule, and is not found when they have neither", async () => {
    await t.db.checkInSchedule.delete({ where: { coupleId } });
    await signInAs(me);
    expect(expandCalendar(await (await fetchCalendar()).text(), new Date(oneOff.getTime() + 1))).toEqual([
      { uid: `conversation-${coupleId}@common-ground`, at: oneOff, movedFrom: null },
    ]);
    await t.db.couple.update({ where: { id: coupleId }, data: { conversationAt: null } });
    expect((await fetchCalendar()).status).toBe(404);
  });
});
