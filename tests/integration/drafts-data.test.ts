/**
 * Autosaved drafts in the data layer (lib/data/drafts.ts, decision 036): kept per form, for the
 * author alone, in their export, gone with their account and when the form is saved for real.
 * Who else may touch a draft is also swept by the access matrix (data-layer.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createNoteAction, deleteNoteAction } from "@/app/notes/actions";
import { createSummaryAction, updateSummaryAction } from "@/app/summaries/actions";
import { IDLE } from "@/lib/actions/form-state";
import { deleteAccount } from "@/lib/data/account";
import { listSharedItems } from "@/lib/data/consent";
import { acceptInvite, createInvite } from "@/lib/data/couples";
import { discardDraft, getDraft, listDraftsInFull, saveDraft } from "@/lib/data/drafts";
import { exportMyData } from "@/lib/data/export";
import { getMyHome } from "@/lib/data/home";
import { createNote } from "@/lib/data/notes";
import { getPlan } from "@/lib/data/plan";
import { createSummary } from "@/lib/data/summaries";
import type { DraftTarget } from "@/lib/drafts/targets";
import { parseDraftRequest, type NoteDraft, type SummaryDraft } from "@/lib/validation/draft";
import { signInAs, useTestDb } from "../support/browser";
import { formData } from "../support/forms";
import { outcomeOf } from "../support/next-control-flow";
import { shareAsPreviewed } from "../support/share";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, cheapPasswordHash, createUser, type TestUser } from "../support/users";

vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
});
afterAll(() => t.close());

const NEW_NOTE: DraftTarget = { kind: "new-note" };
const noteDraft = (body: string): { form: "note"; fields: NoteDraft } => ({ form: "note", fields: { title: "After Tuesday", body, workingOn: "", sessionDate: "" } });
const summaryInput = { privateLabel: null, title: "Something about my family", depth: "BRIEF", framing: "THERAPY_WORK", whyReasons: [], whyText: null, responseWish: null, noteId: null } as const;
const summaryDraft = (body: string): { form: "summary"; fields: SummaryDraft } => ({
  form: "summary",
  fields: { privateLabel: "not ready", title: "Something about my family", body, depth: "BRIEF", framing: "THERAPY_WORK", whyReasons: ["FEEL_CLOSER"], whyText: "", responseWish: "JUST_LISTEN" },
});

async function couple(): Promise<{ author: TestUser; partner: TestUser; stranger: TestUser }> {
  const author = await createUser(t.db, "Sam");
  const partner = await createUser(t.db, "Alex");
  const stranger = await createUser(t.db, "Robin");
  await acceptInvite(accessFor(t.db, partner), (await createInvite(accessFor(t.db, author))).token);
  return { author, partner, stranger };
}

describe("keeping a draft", () => {
  it("keeps one draft per form, restores it with when it was saved, and a later save replaces it", async () => {
    const { author } = await couple();
    const me = accessFor(t.db, author);
    const note = await createNote(me, { title: "Session", body: "What came up", workingOn: null, sessionDate: null });
    const first = await saveDraft(me, NEW_NOTE, noteDraft("I keep thinking"));
    await saveDraft(me, { kind: "note", id: note.id }, noteDraft("An edit, not yet saved"));
    await saveDraft(me, { kind: "new-summary", noteId: note.id }, summaryDraft("From the note"));
    await saveDraft(me, { kind: "new-summary", noteId: null }, summaryDraft("From scratch"));

    expect(first).toBeInstanceOf(Date);
    expect(await getDraft(me, NEW_NOTE)).toEqual({ ...noteDraft("I keep thinking"), savedAt: first });
    expect((await getDraft(me, { kind: "note", id: note.id }))?.fields).toMatchObject({ body: "An edit, not yet saved" });
    expect((await getDraft(me, { kind: "new-summary", noteId: note.id }))?.fields).toMatchObject({ body: "From the note", whyReasons: ["FEEL_CLOSER"] });
    expect((await getDraft(me, { kind: "new-summary", noteId: null }))?.fields).toMatchObject({ body: "From scratch" });

    await saveDraft(me, NEW_NOTE, noteDraft("I keep thinking about it"));
    expect((await getDraft(me, NEW_NOTE))?.fields.title).toBe("After Tuesday");
    expect((await getDraft(me, NEW_NOTE))?.fields).toMatchObject({ body: "I keep thinking about it" });
    expect(await t.db.draft.count({ where: { authorId: author.id } })).toBe(4);
  });

  it("keeps nothing for a new form left blank, and removes the draft it had", async () => {
    const { author } = await couple();
    const me = accessFor(t.db, author);
    await saveDraft(me, NEW_NOTE, noteDraft("Something"));
    expect(await saveDraft(me, NEW_NOTE, { form: "note", fields: { title: " ", body: "", workingOn: "", sessionDate: "" } })).toBeNull();
    expect(await getDraft(me, NEW_NOTE)).toBeNull();
  });

  it("keeps words exactly as typed (spaces, line breaks), which the form's own save would trim", async () => {
    const { author } = await couple();
    const me = accessFor(t.db, author);
    await saveDraft(me, NEW_NOTE, noteDraft("  first line\n\nsecond "));
    expect((await getDraft(me, NEW_NOTE))?.fields.body).toBe("  first line\n\nsecond ");
  });

  it("discarding removes only that form's draft", async () => {
    const { author } = await couple();
    const me = accessFor(t.db, author);
    await saveDraft(me, NEW_NOTE, noteDraft("Note"));
    await saveDraft(me, { kind: "new-summary", noteId: null }, summaryDraft("Summary"));
    expect(await discardDraft(me, NEW_NOTE)).toBe(true);
    expect(await discardDraft(me, NEW_NOTE)).toBe(false);
    expect(await getDraft(me, NEW_NOTE)).toBeNull();
    expect(await getDraft(me, { kind: "new-summary", noteId: null })).not.toBeNull();
  });
});

describe("bad input changes nothing", () => {
  it("refuses a note's fields for a summary's form", async () => {
    const { author } = await couple();
    const me = accessFor(t.db, author);
    await expect(saveDraft(me, { kind: "new-summary", noteId: null }, noteDraft("Wrong form"))).rejects.toThrow("These fields belong to another form, so nothing was saved.");
    expect(await t.db.draft.count({ where: { authorId: author.id } })).toBe(0);
  });

  it("refuses a form for a note or summary that does not exist", async () => {
    const { author } = await couple();
    const me = accessFor(t.db, author);
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(saveDraft(me, { kind: "note", id: missing }, noteDraft("x"))).rejects.toThrow("This form is not one of yours");
    await expect(saveDraft(me, { kind: "summary", id: missing }, summaryDraft("x"))).rejects.toThrow("This form is not one of yours");
    await expect(saveDraft(me, { kind: "new-summary", noteId: missing }, summaryDraft("x"))).rejects.toThrow("This form is not one of yours");
    expect(await t.db.draft.count({ where: { authorId: author.id } })).toBe(0);
  });

  it.each([
    ["not an object", "just text", "Send the form's fields, as JSON."],
    ["an unknown form", { target: "plan:new", fields: {} }, "That is not one of your forms."],
    ["a forged id", { target: "note:../../etc", fields: {} }, "That is not one of your forms."],
    ["a field the form does not have", { target: "note:new", fields: { title: "x", password: "y" } }, "This draft has a field the form does not have."],
    ["a title over the form's limit", { target: "note:new", fields: { title: "x".repeat(201) } }, "The title is longer than the 200 characters the form takes."],
    ["a body over the form's limit", { target: "summary:new", fields: { body: "x".repeat(10_001) } }, "The summary is longer than the 10,000 characters the form takes."],
    ["a NUL character", { target: "note:new", fields: { body: "a\u0000b" } }, "invisible NUL character"],
    ["a depth not on the list", { target: "summary:new", fields: { depth: "EVERYTHING" } }, "Choose a depth from the list."],
    ["a date that is not one", { target: "note:new", fields: { sessionDate: "Tuesday" } }, "The session date must be a date (YYYY-MM-DD)."],
    ["a number for text", { target: "note:new", fields: { title: 42 } }, "The title must be text."],
  ])("says what is wrong with %s", (_name, json, message) => {
    const parsed = parseDraftRequest(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe("a draft is its author's alone", () => {
  it("the partner, a stranger: cannot read it, cannot write a draft for the author's note or summary, cannot discard it", async () => {
    const { author, partner, stranger } = await couple();
    const me = accessFor(t.db, author);
    const note = await createNote(me, { title: "Session", body: "What came up", workingOn: null, sessionDate: null });
    const summary = await createSummary(me, { ...summaryInput, whyReasons: [], body: "Saved words" });
    await saveDraft(me, { kind: "note", id: note.id }, noteDraft("The author's unsaved edit"));
    await saveDraft(me, { kind: "summary", id: summary.id }, summaryDraft("The author's unsaved summary edit"));
    await saveDraft(me, NEW_NOTE, noteDraft("The author's new note"));
    const before = await t.db.draft.findMany({ orderBy: { id: "asc" } });

    for (const other of [partner, stranger]) {
      const them = accessFor(t.db, other);
      expect(await getDraft(them, { kind: "note", id: note.id })).toBeNull();
      expect(await getDraft(them, { kind: "summary", id: summary.id })).toBeNull();
      // Their own new-note form is theirs: it holds nothing of the author's.
      expect(await getDraft(them, NEW_NOTE)).toBeNull();
      await expect(saveDraft(them, { kind: "note", id: note.id }, noteDraft("Overwrite"))).rejects.toThrow("This form is not one of yours");
      await expect(saveDraft(them, { kind: "summary", id: summary.id }, summaryDraft("Overwrite"))).rejects.toThrow("This form is not one of yours");
      await expect(saveDraft(them, { kind: "new-summary", noteId: note.id }, summaryDraft("From their note"))).rejects.toThrow("This form is not one of yours");
      await expect(discardDraft(them, { kind: "note", id: note.id })).rejects.toThrow("This draft is not one of yours.");
      expect(JSON.stringify(await listDraftsInFull(them))).toBe("[]");
      expect(JSON.stringify(await exportMyData(them))).not.toContain("unsaved");
    }
    expect(await t.db.draft.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("never reaches the partner's shared view, plan or home, even for a summary that is shared", async () => {
    const { author, partner } = await couple();
    const me = accessFor(t.db, author);
    const summary = await createSummary(me, { ...summaryInput, whyReasons: [], body: "The shared words" });
    const { consentId } = await shareAsPreviewed(me, { summaryId: summary.id, ownChoice: "yes", aboutMe: "yes", depth: "BRIEF", reflectionNote: null });
    expect(consentId).toBeTruthy();
    await saveDraft(me, { kind: "summary", id: summary.id }, { form: "summary", fields: { ...summaryDraft("x").fields, title: "Rewriting DRAFTONLY", body: "Not shared DRAFTONLY" } });

    const them = accessFor(t.db, partner);
    const seen = JSON.stringify([await listSharedItems(them), await getPlan(them), await getMyHome(them)]);
    expect(seen).toContain("The shared words");
    expect(seen).not.toContain("DRAFTONLY");
  });
});

describe("the author's own data", () => {
  it("the export holds every draft of the author's, with its form and when it was saved", async () => {
    const { author } = await couple();
    const me = accessFor(t.db, author);
    const savedAt = await saveDraft(me, NEW_NOTE, noteDraft("For my export"));
    expect((await exportMyData(me)).drafts).toEqual([{ form: "note:new", fields: noteDraft("For my export").fields, savedAt }]);
  });

  it("deleting the account deletes its drafts", async () => {
    const { author } = await couple();
    const me = accessFor(t.db, author);
    await saveDraft(me, NEW_NOTE, noteDraft("Gone with the account"));
    await t.db.user.update({ where: { id: author.id }, data: { passwordHash: await cheapPasswordHash("pw") } });
    await deleteAccount(me, "pw");
    expect(await t.db.draft.count({ where: { authorId: author.id } })).toBe(0);
  });
});

describe("saving the form for real removes its draft", () => {
  it("a new note: the draft goes, and a double submit after a restore still makes one note", async () => {
    const { author } = await couple();
    await signInAs(author);
    const me = accessFor(t.db, author);
    await saveDraft(me, NEW_NOTE, noteDraft("Restored, then saved"));
    const form = { ...noteDraft("Restored, then saved").fields, formKey: crypto.randomUUID() };
    const first = await outcomeOf(() => createNoteAction(IDLE, formData(form)));
    const second = await outcomeOf(() => createNoteAction(IDLE, formData(form)));
    expect(first).toMatchObject({ kind: "redirect" });
    expect(second).toEqual(first);
    expect(await t.db.note.count({ where: { authorId: author.id } })).toBe(1);
    expect(await getDraft(me, NEW_NOTE)).toBeNull();
  });

  it("a new summary from a note, and an edit: each removes its own draft only", async () => {
    const { author } = await couple();
    await signInAs(author);
    const me = accessFor(t.db, author);
    const note = await createNote(me, { title: "Session", body: "What came up", workingOn: null, sessionDate: null });
    await saveDraft(me, { kind: "new-summary", noteId: note.id }, summaryDraft("From the note"));
    await saveDraft(me, { kind: "new-summary", noteId: null }, summaryDraft("Another, from scratch"));
    const { privateLabel, title, depth, framing, responseWish } = summaryDraft("x").fields;
    const fields = { privateLabel, title, body: "From the note", depth, framing, whyReasons: "FEEL_CLOSER", responseWish, noteId: note.id };
    expect(await outcomeOf(() => createSummaryAction(IDLE, formData({ ...fields, formKey: crypto.randomUUID() })))).toMatchObject({ kind: "redirect" });
    expect(await getDraft(me, { kind: "new-summary", noteId: note.id })).toBeNull();
    expect(await getDraft(me, { kind: "new-summary", noteId: null })).not.toBeNull();

    const summary = await t.db.summary.findFirstOrThrow({ where: { authorId: author.id }, select: { id: true } });
    await saveDraft(me, { kind: "summary", id: summary.id }, summaryDraft("An edit"));
    expect(await outcomeOf(() => updateSummaryAction(IDLE, formData({ ...fields, id: summary.id, body: "An edit" })))).toMatchObject({ kind: "redirect" });
    expect(await getDraft(me, { kind: "summary", id: summary.id })).toBeNull();
  });

  it("a refused save keeps the draft: the words are not lost", async () => {
    const { author } = await couple();
    await signInAs(author);
    const me = accessFor(t.db, author);
    await saveDraft(me, NEW_NOTE, { form: "note", fields: { title: "", body: "No title yet", workingOn: "", sessionDate: "" } });
    const outcome = await outcomeOf(() => createNoteAction(IDLE, formData({ title: "", body: "No title yet", formKey: crypto.randomUUID() })));
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error" } });
    expect(await getDraft(me, NEW_NOTE)).not.toBeNull();
  });

  it("deleting a note removes the drafts written for it", async () => {
    const { author } = await couple();
    await signInAs(author);
    const me = accessFor(t.db, author);
    const note = await createNote(me, { title: "Session", body: "What came up", workingOn: null, sessionDate: null });
    await saveDraft(me, { kind: "note", id: note.id }, noteDraft("Edit"));
    await saveDraft(me, { kind: "new-summary", noteId: note.id }, summaryDraft("From it"));
    await saveDraft(me, NEW_NOTE, noteDraft("Another note"));
    expect(await outcomeOf(() => deleteNoteAction(IDLE, formData({ id: note.id })))).toMatchObject({ kind: "redirect" });
    expect((await listDraftsInFull(me)).map((draft) => draft.form)).toEqual(["note:new"]);
  });
});
