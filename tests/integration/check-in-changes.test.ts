/**
 * One "when" (issue 12, decision 038): either partner skips or moves one occurrence of the
 * couple's check-in, or puts it back; both see it; bad input changes nothing; a stranger and a
 * signed-out visitor can neither change nor see the couple's times. And each person's own zone.
 */
import { DateTime } from "luxon";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { rememberTimeZoneAction, timeZoneAction } from "@/app/account/actions";
import { moveOccurrenceAction, restoreOccurrenceAction, saveScheduleAction, skipOccurrenceAction } from "@/app/check-ins/actions";
import CheckInsPage from "@/app/check-ins/page";
import { setConversationTimeAction } from "@/app/plan/actions";
import PlanPage from "@/app/plan/page";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { formatWhen, instantToLocalInput } from "@/lib/check-ins/conversations";
import { getMyCheckIn, nextConversation } from "@/lib/data/check-ins";
import { getMyTimeZone } from "@/lib/data/time-zone";
import { signInAs, signOut, useTestDb } from "../support/browser";
import { formData } from "../support/forms";
import { outcomeOf } from "../support/next-control-flow";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser, type TestUser } from "../support/users";

vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let t: TestDb;
let me: TestUser;
let partner: TestUser;
let stranger: TestUser;
let coupleId: string;

beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
  me = await createUser(t.db, "Robin");
  partner = await createUser(t.db, "Kai");
  stranger = await createUser(t.db, "Stranger");
  const couple = await t.db.couple.create({ data: { members: { create: [{ userId: me.id }, { userId: partner.id }] } } });
  coupleId = couple.id;
});
afterAll(() => t.close());

const post = (action: (previous: FormState, form: FormData) => Promise<FormState>, fields: Record<string, string>) => action(IDLE, formData(fields));

/** The couple's next check-in as the schedule plans it, read fresh. */
async function next() {
  const checkIn = await getMyCheckIn(accessFor(t.db, me));
  const conversation = checkIn ? nextConversation(checkIn) : null;
  if (!conversation?.plannedAt) throw new Error("No check-in ahead");
  return { ...conversation, plannedAt: conversation.plannedAt };
}

const changes = () => t.db.checkInChange.findMany({ orderBy: { occurrenceAt: "asc" } });
const html = async (page: () => Promise<React.ReactElement>) => renderToStaticMarkup(await page());

beforeEach(async () => {
  signOut();
  await t.db.checkInChange.deleteMany();
  await t.db.reminderDelivery.deleteMany();
  await t.db.couple.update({ where: { id: coupleId }, data: { conversationAt: null } });
  await t.db.user.updateMany({ data: { timeZone: null } });
  await signInAs(me);
  expect(await post(saveScheduleAction, { cadence: "WEEKLY", weekday: "7", localTime: "19:00", timeZone: "Europe/Berlin" })).toMatchObject({ status: "ok" });
  signOut();
});

describe("skipping and moving one occurrence", () => {
  it("either partner skips the next one; both see it skipped, by whom, and the plan turns to the one after", async () => {
    const first = await next();
    await signInAs(partner);
    expect(await post(skipOccurrenceAction, { occurrenceAt: first.plannedAt.toISOString() })).toMatchObject({ status: "ok" });
    const mine = await getMyCheckIn(accessFor(t.db, me));
    expect(mine?.changes).toEqual([{ occurrenceAt: first.plannedAt, kind: "SKIPPED", movedTo: null, changedBy: "Kai" }]);
    expect((await getMyCheckIn(accessFor(t.db, partner)))?.changes[0]?.changedBy).toBe("you");
    expect((await next()).at.getTime()).toBe(first.at.getTime() + 7 * 24 * 3_600_000 + offsetShift(first.at));
    // The schedule itself is unchanged.
    expect(mine?.schedule).toMatchObject({ weekday: 7, localTime: "19:00", timeZone: "Europe/Berlin" });

    await signInAs(me);
    const plan = await html(PlanPage);
    expect(plan).toContain(`is skipped by Kai`);
    expect(plan).toContain("For your check-in on");
    const list = await html(CheckInsPage);
    expect(list).toContain("Skipped by Kai.");

    expect(await post(restoreOccurrenceAction, { occurrenceAt: first.plannedAt.toISOString() })).toMatchObject({ status: "ok" });
    expect(await changes()).toEqual([]);
    expect((await next()).at).toEqual(first.at);
  });

  it("either partner moves the next one; both see the new time in their own zone, named, and where it moved from", async () => {
    const first = await next();
    const to = new Date(first.plannedAt.getTime() + 2 * 24 * 3_600_000 + 30 * 60_000);
    await t.db.user.update({ where: { id: partner.id }, data: { timeZone: "America/New_York" } });
    await signInAs(me);
    const moved = await post(moveOccurrenceAction, {
      occurrenceAt: first.plannedAt.toISOString(),
      movedTo: instantToLocalInput(to, "Europe/Berlin"),
      timeZone: "Europe/Berlin",
    });
    expect(moved).toMatchObject({ status: "ok" });
    expect(await next()).toMatchObject({ at: to, plannedAt: first.plannedAt, moved: true });

    await signInAs(partner);
    const plan = await html(PlanPage);
    expect(plan).toContain(`For your check-in on <strong class="font-semibold"><time dateTime="${to.toISOString()}">${formatWhen(to, "America/New_York")}</time>`);
    expect(plan).toContain("America/New York");
    expect(plan).toContain("Moved by Robin from");
    expect(await html(CheckInsPage)).toContain(formatWhen(to, "America/New_York"));

    // Moving it back to its planned time undoes the move.
    expect(
      await post(moveOccurrenceAction, {
        occurrenceAt: first.plannedAt.toISOString(),
        movedTo: instantToLocalInput(first.plannedAt, "America/New_York"),
        timeZone: "America/New_York",
      }),
    ).toMatchObject({ status: "ok" });
    expect(await changes()).toEqual([]);
  });

  it("a skip or a move drops the reminders planned for the old times, for both partners", async () => {
    const first = await next();
    for (const user of [me, partner]) {
      await t.db.reminderDelivery.create({
        data: { userId: user.id, coupleId, occurrenceAt: first.plannedAt, leadMinutes: 60, dueAt: new Date(first.plannedAt.getTime() - 3_600_000), nextAttemptAt: new Date(first.plannedAt.getTime() - 3_600_000) },
      });
    }
    await signInAs(me);
    await post(skipOccurrenceAction, { occurrenceAt: first.plannedAt.toISOString() });
    expect(await t.db.reminderDelivery.count()).toBe(0);
  });
});

describe("bad input is refused with a clear message and changes nothing", () => {
  const cases: [string, () => Promise<Record<string, string>>, RegExp][] = [
    ["an occurrence that is not a date", async () => ({ occurrenceAt: "soon", movedTo: "2031-01-01T10:00", timeZone: "Europe/Berlin" }), /not on your schedule/],
    [
      "an instant the schedule never planned",
      async () => ({ occurrenceAt: new Date((await next()).plannedAt.getTime() + 60_000).toISOString(), movedTo: instantToLocalInput(new Date(Date.now() + 86_400_000), "UTC"), timeZone: "UTC" }),
      /not on your schedule any more/,
    ],
    [
      "a new time already past",
      async () => ({ occurrenceAt: (await next()).plannedAt.toISOString(), movedTo: instantToLocalInput(new Date(Date.now() - 3_600_000), "UTC"), timeZone: "UTC" }),
      /still ahead/,
    ],
    [
      "a new time more than four weeks away",
      async () => {
        const { plannedAt } = await next();
        return { occurrenceAt: plannedAt.toISOString(), movedTo: instantToLocalInput(new Date(plannedAt.getTime() + 30 * 86_400_000), "UTC"), timeZone: "UTC" };
      },
      /within 4 weeks/,
    ],
    [
      "the time of another check-in",
      async () => {
        const { plannedAt } = await next();
        return { occurrenceAt: plannedAt.toISOString(), movedTo: instantToLocalInput(new Date(plannedAt.getTime() + 7 * 86_400_000 + offsetShift(plannedAt)), "Europe/Berlin"), timeZone: "Europe/Berlin" };
      },
      /Another conversation is already at that time/,
    ],
    ["a date that does not exist", async () => ({ occurrenceAt: (await next()).plannedAt.toISOString(), movedTo: "2031-02-30T19:00", timeZone: "UTC" }), /Enter a real date and time/],
    ["a zone that does not exist", async () => ({ occurrenceAt: (await next()).plannedAt.toISOString(), movedTo: "2031-01-01T19:00", timeZone: "Mars/Olympus" }), /Choose a time zone from the list/],
  ];
  it.each(cases)("moving to %s", async (_label, fields, message) => {
    await signInAs(me);
    const result = await post(moveOccurrenceAction, await fields());
    expect(result.status).toBe("error");
    expect(JSON.stringify(result)).toMatch(message);
    expect(await changes()).toEqual([]);
  });

  it("skipping one already skipped, or putting back one never changed, says so", async () => {
    const { plannedAt } = await next();
    await signInAs(me);
    await post(skipOccurrenceAction, { occurrenceAt: plannedAt.toISOString() });
    const before = await changes();
    expect(await post(skipOccurrenceAction, { occurrenceAt: plannedAt.toISOString() })).toMatchObject({ status: "error", message: "That check-in is already skipped." });
    const second = await next();
    expect(await post(restoreOccurrenceAction, { occurrenceAt: second.plannedAt.toISOString() })).toMatchObject({ status: "error", message: "That check-in is already at its usual time." });
    expect(await changes()).toEqual(before);
  });

  it("a new schedule drops the skips and moves that belonged to the old one", async () => {
    const { plannedAt } = await next();
    await signInAs(me);
    await post(skipOccurrenceAction, { occurrenceAt: plannedAt.toISOString() });
    await post(saveScheduleAction, { cadence: "WEEKLY", weekday: "3", localTime: "18:00", timeZone: "Europe/Berlin" });
    expect(await changes()).toEqual([]);
  });
});

describe("privacy: nobody outside the couple changes or sees its times", () => {
  it("a stranger cannot skip, move or put back the couple's occurrence, and learns nothing of it", async () => {
    const { plannedAt } = await next();
    await signInAs(stranger);
    const occurrence = { occurrenceAt: plannedAt.toISOString() };
    for (const result of [
      await post(skipOccurrenceAction, occurrence),
      await post(moveOccurrenceAction, { ...occurrence, movedTo: instantToLocalInput(new Date(plannedAt.getTime() + 86_400_000), "UTC"), timeZone: "UTC" }),
      await post(restoreOccurrenceAction, occurrence),
    ]) {
      expect(result).toMatchObject({ status: "error", message: expect.stringContaining("not linked") });
    }
    expect(await changes()).toEqual([]);
    expect(await getMyCheckIn(accessFor(t.db, stranger))).toBeNull();
    const page = await html(PlanPage);
    const list = await html(CheckInsPage);
    for (const markup of [page, list]) {
      expect(markup).not.toContain(plannedAt.toISOString());
      expect(markup).not.toContain("Europe/Berlin");
      expect(markup).not.toContain("19:00");
    }
  });

  it("a signed-out visitor is sent to sign in, and nothing changes", async () => {
    const { plannedAt } = await next();
    const occurrence = { occurrenceAt: plannedAt.toISOString() };
    for (const run of [
      () => post(skipOccurrenceAction, occurrence),
      () => post(moveOccurrenceAction, { ...occurrence, movedTo: "2031-01-01T10:00", timeZone: "UTC" }),
      () => post(restoreOccurrenceAction, occurrence),
      () => post(timeZoneAction, { timeZone: "Asia/Tokyo" }),
      () => post(rememberTimeZoneAction, { timeZone: "Asia/Tokyo" }),
    ]) {
      expect(await outcomeOf(run)).toEqual({ kind: "redirect", url: "/sign-in" });
    }
    expect(await changes()).toEqual([]);
    expect(await t.db.user.count({ where: { timeZone: { not: null } } })).toBe(0);
  });
});

describe("a one-off conversation", () => {
  it("with a schedule, comes first when it is sooner, and says so on the plan", async () => {
    // The check-in is at least two days away; the one-off is tomorrow.
    await signInAs(partner);
    const weekday = DateTime.now().setZone("Europe/Berlin").plus({ days: 3 }).weekday;
    await post(saveScheduleAction, { cadence: "WEEKLY", weekday: String(weekday), localTime: "19:00", timeZone: "Europe/Berlin" });
    const oneOff = new Date(Date.now() + 86_400_000);
    oneOff.setUTCSeconds(0, 0);
    expect((await next()).at.getTime()).toBeGreaterThan(oneOff.getTime());
    expect(await post(setConversationTimeAction, { conversationAt: instantToLocalInput(oneOff, "Asia/Tokyo"), timeZone: "Asia/Tokyo" })).toMatchObject({ status: "ok" });
    expect(await next().catch(() => null)).toBeNull();
    const checkIn = await getMyCheckIn(accessFor(t.db, me));
    expect(checkIn && nextConversation(checkIn)).toMatchObject({ at: oneOff, plannedAt: null });
    await signInAs(me);
    expect(await html(PlanPage)).toContain("For your conversation on");
  });

  it("a time already past is refused, and nothing changes", async () => {
    await signInAs(me);
    const result = await post(setConversationTimeAction, { conversationAt: "2020-01-01T10:00", timeZone: "Europe/Berlin" });
    expect(result).toMatchObject({ status: "error", message: "Choose a time that is still ahead." });
    expect((await t.db.couple.findUniqueOrThrow({ where: { id: coupleId } })).conversationAt).toBeNull();
  });
});

describe("each person's own time zone", () => {
  it("the browser's zone is kept once, never over one chosen; a chosen one replaces it; a partner's is never mine", async () => {
    await signInAs(me);
    expect(await post(rememberTimeZoneAction, { timeZone: "Europe/Lisbon" })).toMatchObject({ status: "ok", message: "Time zone noted." });
    expect(await post(rememberTimeZoneAction, { timeZone: "Asia/Tokyo" })).toMatchObject({ status: "ok", message: "Time zone already set." });
    expect(await getMyTimeZone(accessFor(t.db, me))).toBe("Europe/Lisbon");
    expect(await post(timeZoneAction, { timeZone: "America/Sao_Paulo" })).toMatchObject({ status: "ok" });
    expect(await getMyTimeZone(accessFor(t.db, me))).toBe("America/Sao_Paulo");
    expect(await getMyTimeZone(accessFor(t.db, partner))).toBeNull();
    expect((await getMyCheckIn(accessFor(t.db, partner)))?.myTimeZone).toBeNull();
  });

  it("a zone that does not exist is refused with a clear message, and nothing changes", async () => {
    await signInAs(me);
    for (const action of [timeZoneAction, rememberTimeZoneAction]) {
      const result = await post(action, { timeZone: "Mars/Olympus" });
      expect(result).toMatchObject({ status: "error", fieldErrors: { timeZone: ["Choose a time zone from the list."] } });
    }
    expect(await getMyTimeZone(accessFor(t.db, me))).toBeNull();
  });
});

/** How much a week later's same wall time differs from exactly seven days later in Berlin (a daylight-saving change between). */
function offsetShift(instant: Date): number {
  const offset = (date: Date) => Number(new Intl.DateTimeFormat("en", { timeZone: "Europe/Berlin", timeZoneName: "longOffset" }).format(date).match(/GMT([+-]\d+)/)?.[1] ?? 0);
  return (offset(instant) - offset(new Date(instant.getTime() + 7 * 86_400_000))) * 3_600_000;
}
