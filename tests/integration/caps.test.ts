/**
 * Caps no person reaches (decision 020): at the cap, adding is refused with a sentence and
 * nothing changes; the cap is per plan or per person, so nobody else's use counts against it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote } from "@/lib/data/notes";
import { addSharedItemToPlan, addTopics, removeFromPlan } from "@/lib/data/plan";
import { createSummary } from "@/lib/data/summaries";
import { CAPS } from "@/lib/limits/caps";
import { buildWorld } from "../support/consent-world";
import { createCoupleAndStranger } from "../support/fixtures";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor } from "../support/users";
import { raceTest } from "../support/races";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** Fills the couple's plan up to `total` items, after any it holds already. */
async function fillPlan(coupleId: string, addedById: string, total: number) {
  const held = await t.db.planItem.count({ where: { coupleId } });
  await t.db.planItem.createMany({
    data: Array.from({ length: total - held }, (_, i) => ({ coupleId, addedById, topicTitle: `Topic ${i}`, position: held + i })),
  });
}

const topic = { title: "One more thing", detail: null };

describe("items on a plan", () => {
  it(`are refused past ${CAPS.planItems}, with a sentence, by topic, template or shared item, and nothing is added`, async () => {
    const world = await buildWorld(t.db, "shared summary", { sharedOnPlan: false });
    const [author, partner, coupleId] = [accessFor(t.db, world.author), accessFor(t.db, world.partner), world.coupleId];
    await fillPlan(coupleId, partner.userId, CAPS.planItems);

    const refusal = `Your plan holds ${CAPS.planItems} items and can hold ${CAPS.planItems}. Remove some you have talked about to make room.`;
    await expect(addTopics(author, [topic])).rejects.toThrow(refusal);
    await expect(addTopics(partner, [topic, topic])).rejects.toThrow(refusal);
    await expect(addSharedItemToPlan(author, world.consentId!)).rejects.toThrow(refusal);
    expect(await t.db.planItem.count({ where: { coupleId: coupleId } })).toBe(CAPS.planItems);

    const first = await t.db.planItem.findFirstOrThrow({ where: { coupleId: coupleId }, orderBy: { position: "asc" } });
    await removeFromPlan(author, first.id);
    await addSharedItemToPlan(author, world.consentId!);
    expect(await t.db.planItem.count({ where: { coupleId: coupleId } })).toBe(CAPS.planItems);
  });

  it("refuses a template that does not fit whole, and adds none of it", async () => {
    const { author, coupleId } = await createCoupleAndStranger(t.db);
    await fillPlan(coupleId, author.userId, CAPS.planItems - 1);
    await expect(addTopics(author, [topic, topic])).rejects.toThrow("can hold");
    expect(await t.db.planItem.count({ where: { coupleId } })).toBe(CAPS.planItems - 1);
  });

  raceTest("holds under simultaneous additions: with two places left, exactly two of five get in", async () => {
    const { author, partner, coupleId } = await createCoupleAndStranger(t.db);
    await fillPlan(coupleId, author.userId, CAPS.planItems - 2);
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => addTopics(i % 2 ? partner : author, [topic])));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(2);
    expect(await t.db.planItem.count({ where: { coupleId } })).toBe(CAPS.planItems);
    const positions = (await t.db.planItem.findMany({ where: { coupleId }, select: { position: true } })).map((item) => item.position);
    expect(new Set(positions).size).toBe(CAPS.planItems);
  });

  it("are counted per couple: a full plan elsewhere does not stop another couple", async () => {
    const full = await createCoupleAndStranger(t.db);
    const other = await createCoupleAndStranger(t.db);
    await fillPlan(full.coupleId, full.author.userId, CAPS.planItems);
    await addTopics(other.author, [topic]);
    expect(await t.db.planItem.count({ where: { coupleId: other.coupleId } })).toBe(1);
  });
});

describe("private notes and summaries", () => {
  it(`refuse a note past ${CAPS.notes.toLocaleString("en")} with a sentence, and the partner's own notes are not affected`, async () => {
    const { author, partner } = await createCoupleAndStranger(t.db);
    await t.db.note.createMany({ data: Array.from({ length: CAPS.notes }, (_, i) => ({ authorId: author.userId, title: `Note ${i}`, body: "." })) });

    await expect(createNote(author, { title: "One more", body: "text", workingOn: null, sessionDate: null })).rejects.toThrow(
      `You keep ${CAPS.notes.toLocaleString("en")} notes, the most one person can keep. Delete some you no longer need to write a new one.`,
    );
    expect(await t.db.note.count({ where: { authorId: author.userId } })).toBe(CAPS.notes);
    await expect(createNote(partner, { title: "Mine", body: "text", workingOn: null, sessionDate: null })).resolves.toMatchObject({ title: "Mine" });
  });

  it(`refuse a summary past ${CAPS.summaries.toLocaleString("en")} with a sentence, and nothing is created`, async () => {
    const { author, partner } = await createCoupleAndStranger(t.db);
    await t.db.summary.createMany({
      data: Array.from({ length: CAPS.summaries }, (_, i) => ({ authorId: author.userId, title: `Summary ${i}`, body: ".", depth: "HEADLINE" as const, framing: "CONTENT_ONLY" as const })),
    });
    const draft = { title: "One more", body: "text", depth: "HEADLINE", framing: "CONTENT_ONLY", whyReasons: [], whyText: null, responseWish: null, noteId: null } as const;

    await expect(createSummary(author, { ...draft, whyReasons: [] })).rejects.toThrow(`You keep ${CAPS.summaries.toLocaleString("en")} summaries`);
    expect(await t.db.summary.count({ where: { authorId: author.userId } })).toBe(CAPS.summaries);
    await expect(createSummary(partner, { ...draft, whyReasons: [] })).resolves.toMatchObject({ id: expect.any(String) });
  });
});
