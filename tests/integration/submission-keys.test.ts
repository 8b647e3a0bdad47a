import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createNoteAction } from "@/app/notes/actions";
import { addCheckInTemplateAction, addTopicAction } from "@/app/plan/actions";
import { createSummaryAction } from "@/app/summaries/actions";
import { IDLE } from "@/lib/actions/form-state";
import type { Access } from "@/lib/data/access";
import type { TestUser } from "../support/users";
import { setUpEdgeTestDb } from "../support/edge-test-db";
import { signInAs, signOut } from "../support/browser";
import { createCoupleAndStranger } from "../support/fixtures";
import { formData } from "../support/forms";
import { outcomeOf } from "../support/next-control-flow";

vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

/**
 * A double submit, or a retry after the answer was lost, sends the same form again with the
 * same one-time key: it must make one item, and both answers must lead to it.
 */
const t = setUpEdgeTestDb();

let sam: Access;
let alex: Access;
let robin: Access;
const asUser = (access: Access): TestUser => ({ id: access.userId, email: "", displayName: "" });

beforeAll(async () => {
  ({ author: sam, partner: alex, stranger: robin } = await createCoupleAndStranger(t.db));
});
beforeEach(async () => {
  await signInAs(asUser(sam));
});

const note = { title: "After Tuesday's session", body: "What I noticed.", workingOn: "", sessionDate: "" };
const summary = { title: "I go quiet", body: "When voices rise I shut down.", depth: "BRIEF", framing: "THERAPY_WORK", noteId: "" };

// Titles are encrypted at rest (decision 022): the database cannot filter on them, so the
// rows are read back decrypted and filtered here.
const notesTitled = async (title: string) => (await t.db.note.findMany()).filter((row) => row.title === title);
const summariesTitled = async (title: string, authorId?: string) =>
  (await t.db.summary.findMany({ where: authorId ? { authorId } : {} })).filter((row) => row.title === title);

describe("a note sent twice", () => {
  it("makes one note, and both answers open it", async () => {
    const formKey = randomUUID();
    const fields = { ...note, title: "Sent twice", formKey };
    const first = await outcomeOf(() => createNoteAction(IDLE, formData(fields)));
    const second = await outcomeOf(() => createNoteAction(IDLE, formData(fields)));
    const notes = await notesTitled("Sent twice");
    expect(notes).toHaveLength(1);
    expect(first).toEqual({ kind: "redirect", url: `/notes/${notes[0]?.id}?saved=1` });
    expect(second).toEqual(first);
  });

  it("makes one note when both arrive at the same moment", async () => {
    const fields = { ...note, title: "Sent at once", formKey: randomUUID() };
    const outcomes = await Promise.all([1, 2, 3].map(() => outcomeOf(() => createNoteAction(IDLE, formData(fields)))));
    const notes = await notesTitled("Sent at once");
    expect(notes).toHaveLength(1);
    for (const outcome of outcomes) expect(outcome).toEqual({ kind: "redirect", url: `/notes/${notes[0]?.id}?saved=1` });
  });

  it("makes a second note when the same form comes back with other words (Back, then a new note)", async () => {
    const formKey = randomUUID();
    await outcomeOf(() => createNoteAction(IDLE, formData({ ...note, title: "First of a reused form", formKey })));
    await outcomeOf(() => createNoteAction(IDLE, formData({ ...note, title: "Second of a reused form", formKey })));
    expect(await notesTitled("First of a reused form")).toHaveLength(1);
    expect(await notesTitled("Second of a reused form")).toHaveLength(1);
  });

  it("makes a note for each of two forms with the same words", async () => {
    for (const formKey of [randomUUID(), randomUUID()]) {
      await outcomeOf(() => createNoteAction(IDLE, formData({ ...note, title: "Written twice on purpose", formKey })));
    }
    expect(await notesTitled("Written twice on purpose")).toHaveLength(2);
  });

  it("ignores a forged key and still saves the note", async () => {
    const outcome = await outcomeOf(() => createNoteAction(IDLE, formData({ ...note, title: "Forged key", formKey: "'; DROP TABLE x" })));
    expect(outcome).toMatchObject({ kind: "redirect" });
    expect(await notesTitled("Forged key")).toHaveLength(1);
  });

  it("never leads the partner or a stranger to the author's note, even with the author's key", async () => {
    const fields = { ...note, title: "Keyed and private", formKey: randomUUID() };
    const authors = await outcomeOf(() => createNoteAction(IDLE, formData(fields)));
    for (const other of [alex, robin]) {
      await signInAs(asUser(other));
      const theirs = await outcomeOf(() => createNoteAction(IDLE, formData(fields)));
      expect(theirs).toMatchObject({ kind: "redirect" });
      expect(theirs).not.toEqual(authors);
    }
    const notes = await notesTitled("Keyed and private");
    expect(notes.map((n) => n.authorId).sort()).toEqual([sam.userId, alex.userId, robin.userId].sort());
  });

  it("sends a signed-out visitor to sign in and makes nothing", async () => {
    signOut();
    const outcome = await outcomeOf(() => createNoteAction(IDLE, formData({ ...note, title: "Signed out", formKey: randomUUID() })));
    expect(outcome).toEqual({ kind: "redirect", url: "/sign-in" });
    expect(await notesTitled("Signed out")).toHaveLength(0);
  });
});

describe("a summary sent twice", () => {
  it("makes one summary, and both answers open it", async () => {
    const fields = formData({ ...summary, title: "Summary sent twice", formKey: randomUUID() });
    fields.append("whyReasons", "FEEL_CLOSER");
    const first = await outcomeOf(() => createSummaryAction(IDLE, fields));
    const second = await outcomeOf(() => createSummaryAction(IDLE, fields));
    const summaries = await summariesTitled("Summary sent twice");
    expect(summaries).toHaveLength(1);
    expect(first).toEqual({ kind: "redirect", url: `/summaries/${summaries[0]?.id}?saved=1` });
    expect(second).toEqual(first);
  });

  it("gives the partner their own summary, not the author's, for the author's key", async () => {
    const fields = { ...summary, title: "Summary keyed", formKey: randomUUID() };
    const authors = await outcomeOf(() => createSummaryAction(IDLE, formData(fields)));
    await signInAs(asUser(alex));
    const partners = await outcomeOf(() => createSummaryAction(IDLE, formData(fields)));
    expect(partners).not.toEqual(authors);
    expect(await summariesTitled("Summary keyed", alex.userId)).toHaveLength(1);
  });
});

describe("a plan topic sent twice", () => {
  const topicsTitled = async (title: string) => (await t.db.planItem.findMany()).filter((row) => row.topicTitle === title);

  it("adds one topic, and both answers say it was added", async () => {
    const fields = { title: "Holidays", detail: "Whose family first", formKey: randomUUID() };
    const first = await addTopicAction(IDLE, formData(fields));
    const second = await addTopicAction(IDLE, formData(fields));
    expect(first).toEqual({ status: "ok", message: "Topic added." });
    expect(second).toEqual(first);
    expect(await topicsTitled("Holidays")).toHaveLength(1);
  });

  it("adds the same topic again from a new form", async () => {
    for (const formKey of [randomUUID(), randomUUID()]) await addTopicAction(IDLE, formData({ title: "Money, again", formKey }));
    expect(await topicsTitled("Money, again")).toHaveLength(2);
  });

  it("adds the check-in template's four topics once", async () => {
    const before = await t.db.planItem.count();
    const formKey = randomUUID();
    await Promise.all([addCheckInTemplateAction(IDLE, formData({ formKey })), addCheckInTemplateAction(IDLE, formData({ formKey }))]);
    expect((await t.db.planItem.count()) - before).toBe(4);
  });

  it("lets the partner add the same topic with the same key: it is theirs, and one", async () => {
    const fields = { title: "Chores", formKey: randomUUID() };
    await addTopicAction(IDLE, formData(fields));
    await signInAs(asUser(alex));
    await addTopicAction(IDLE, formData(fields));
    await addTopicAction(IDLE, formData(fields));
    const topics = await topicsTitled("Chores");
    expect(topics.map((topic) => topic.addedById).sort()).toEqual([sam.userId, alex.userId].sort());
  });

  it("gives a stranger no topic on the couple's plan", async () => {
    await signInAs(asUser(robin));
    const state = await addTopicAction(IDLE, formData({ title: "Stranger's topic", formKey: randomUUID() }));
    expect(state).toMatchObject({ status: "error" });
    expect(await topicsTitled("Stranger's topic")).toHaveLength(0);
  });
});
