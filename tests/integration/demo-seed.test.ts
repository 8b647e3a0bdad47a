import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/accounts";
import { formatWhen } from "@/lib/check-ins/conversations";
import { getMyCheckIn, nextConversation } from "@/lib/data/check-ins";
import { listConversationsWeHad, listMyReflections } from "@/lib/data/conversation";
import { getPlan } from "@/lib/data/plan";
import { DEMO_PARTNERS, DEMO_PASSWORD } from "@/lib/demo/demo-accounts";
import { seedDemo } from "@/lib/demo/seed-demo";
import { createTestDb, type TestDb } from "../support/test-db";
import { createUser } from "../support/users";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const demoEmails = DEMO_PARTNERS.map((partner) => partner.email);

describe("the demo seed", () => {
  it("creates the two demo accounts, which sign in with the published password, and leaves other users alone", async () => {
    const bystander = await createUser(t.db, "Bystander");
    await t.db.note.create({ data: { authorId: bystander.id, title: "Bystander's note", body: "" } });
    const bystanderBefore = await t.db.user.findUniqueOrThrow({ where: { id: bystander.id }, include: { notes: true } });

    expect((await seedDemo(t.db)).created.sort()).toEqual([...demoEmails].sort());

    for (const partner of DEMO_PARTNERS) {
      const result = await authenticate(t.db, { email: partner.email, password: DEMO_PASSWORD });
      expect(result).toMatchObject({ ok: true, user: { email: partner.email, displayName: partner.displayName } });
    }
    expect(await t.db.user.findUniqueOrThrow({ where: { id: bystander.id }, include: { notes: true } })).toEqual(bystanderBefore);
  });

  it("links the two into a couple with a plan to look at and a weekly check-in", async () => {
    const sam = await t.db.user.findUniqueOrThrow({ where: { email: DEMO_PARTNERS[0].email } });
    const access = { db: t.db, userId: sam.id };
    const plan = await getPlan(access);
    expect(plan.items.map((item) => item.kind)).toEqual(["shared", "topic", "topic", "topic", "topic", "topic"]);
    const checkIn = await getMyCheckIn(access);
    expect(checkIn).toMatchObject({
      partnerName: DEMO_PARTNERS[1].displayName,
      schedule: { cadence: "WEEKLY", weekday: 7, localTime: "19:00", timeZone: "Europe/London" },
      myTimeZone: "Europe/London",
    });
    // The plan is for that check-in: its next Sunday, 19:00 in London.
    const next = checkIn && nextConversation(checkIn);
    expect(next?.plannedAt).toEqual(next?.at);
    expect(formatWhen(next!.at, "Europe/London")).toMatch(/^Sunday \d+ \w+( \d{4})?, 19:00, Europe\/London$/);
  });

  it("has last week's conversation closed, with what they agreed, and Sam's reflection for Sam alone", async () => {
    const [sam, alex] = await Promise.all(
      DEMO_PARTNERS.map(async (partner) => ({ db: t.db, userId: (await t.db.user.findUniqueOrThrow({ where: { email: partner.email } })).id })),
    );
    for (const access of [sam!, alex!]) {
      const [conversation, ...more] = await listConversationsWeHad(access);
      expect(more).toEqual([]);
      expect(conversation).toMatchObject({
        agreedLine: "Sam takes the car on Saturdays; Alex books a lift the week before if needed.",
        items: [{ title: "Who has the car on Saturdays", shared: false }],
      });
      // A week before the seed: an old conversation, not one that seems to have just ended.
      expect(Date.now() - conversation!.closedAt.getTime()).toBeGreaterThan(6 * 24 * 3_600_000);
    }
    const [reflection, ...others] = await listMyReflections(sam!);
    expect(others).toEqual([]);
    expect(reflection).toMatchObject({ forNextSession: true, body: expect.stringMatching(/^I stayed in the room/) });
    // Written the evening of that conversation, not on the day the demo was made.
    expect(Date.now() - reflection!.createdAt.getTime()).toBeGreaterThan(6 * 24 * 3_600_000);
    expect(await listMyReflections(alex!)).toEqual([]);
  });

  it("run again, creates nothing and leaves the existing accounts exactly as they are", async () => {
    const [first] = DEMO_PARTNERS;
    await t.db.user.update({ where: { email: first.email }, data: { displayName: "Renamed by the user" } });
    const usersBefore = await t.db.user.findMany({ orderBy: { id: "asc" } });
    const notesBefore = await t.db.note.findMany({ orderBy: { id: "asc" } });

    expect(await seedDemo(t.db)).toEqual({ created: [] });

    expect(await t.db.user.findMany({ orderBy: { id: "asc" } })).toEqual(usersBefore);
    expect(await t.db.note.findMany({ orderBy: { id: "asc" } })).toEqual(notesBefore);
    expect(await t.db.user.findUniqueOrThrow({ where: { email: first.email } })).toMatchObject({ displayName: "Renamed by the user" });
  });
});
