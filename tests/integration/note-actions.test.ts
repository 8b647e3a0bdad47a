import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { revalidatePath } from "next/cache";
import { createNoteAction, deleteNoteAction, updateNoteAction } from "@/app/notes/actions";
import { IDLE } from "@/lib/actions/form-state";
import { signInAs, signOut, useTestDb } from "../support/browser";
import { formData } from "../support/forms";
import { outcomeOf } from "../support/next-control-flow";
import { createTestDb, type TestDb } from "../support/test-db";
import { createUser, type TestUser } from "../support/users";

vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const NOT_FOUND = "This note does not exist, or it is not yours.";
const MISSING_ID = "00000000-0000-4000-8000-000000000000";

let t: TestDb;
let author: TestUser;
let stranger: TestUser;
beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
  author = await createUser(t.db, "Author");
  stranger = await createUser(t.db, "Stranger");
});
afterAll(() => t.close());
beforeEach(() => {
  vi.mocked(revalidatePath).mockClear();
  signOut();
});

const fields = { title: "After the session", body: "We talked.", workingOn: "Listening", sessionDate: "2026-11-18" };

async function authorsNote() {
  return t.db.note.create({
    data: { authorId: author.id, title: "Original", body: "Original body", workingOn: "Original theme" },
  });
}

function notesOf(user: TestUser) {
  return t.db.note.findMany({ where: { authorId: user.id }, orderBy: { createdAt: "asc" } });
}

describe("creating a note", () => {
  it("saves it for the signed-in user and opens it", async () => {
    await signInAs(author);
    const before = (await notesOf(author)).length;
    const outcome = await outcomeOf(() => createNoteAction(IDLE, formData(fields)));
    const notes = await notesOf(author);
    expect(notes).toHaveLength(before + 1);
    const note = notes.at(-1)!;
    expect(note).toMatchObject({ title: "After the session", body: "We talked.", workingOn: "Listening", sessionDate: new Date("2026-11-18T00:00:00.000Z") });
    expect(outcome).toEqual({ kind: "redirect", url: `/notes/${note.id}?saved=1` });
    expect(revalidatePath).toHaveBeenCalledWith("/notes");
  });

  it("ignores a forged author field: the note is always the signed-in user's", async () => {
    await signInAs(stranger);
    await outcomeOf(() => createNoteAction(IDLE, formData({ ...fields, title: "Forged", authorId: author.id })));
    expect((await notesOf(author)).map((n) => n.title)).not.toContain("Forged");
    expect((await notesOf(stranger)).map((n) => n.title)).toContain("Forged");
  });

  it("answers bad input with a message per field, keeps what was typed, and writes nothing", async () => {
    await signInAs(author);
    const before = await t.db.note.count();
    const sent = { title: "   ", body: "b".repeat(20_001), workingOn: "w".repeat(501), sessionDate: "2026-02-30" };
    const state = await createNoteAction(IDLE, formData(sent));
    expect(state).toEqual({
      status: "error",
      message: "Some fields need a second look.",
      fieldErrors: {
        title: ["Give the note a title."],
        body: ["Keep the note under 20,000 characters."],
        workingOn: ["Keep this under 500 characters."],
        sessionDate: ["Enter a date as YYYY-MM-DD."],
      },
      values: sent,
    });
    expect(await t.db.note.count()).toBe(before);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it("treats a file sent in place of the title as a missing title", async () => {
    await signInAs(author);
    const before = await t.db.note.count();
    const state = await createNoteAction(IDLE, formData({ ...fields, title: new Blob(["x"]) }));
    expect(state).toMatchObject({ status: "error", fieldErrors: { title: ["Give the note a title."] } });
    expect(await t.db.note.count()).toBe(before);
  });

  it("sends a signed-out visitor to sign in and writes nothing", async () => {
    const before = await t.db.note.count();
    expect(await outcomeOf(() => createNoteAction(IDLE, formData(fields)))).toEqual({ kind: "redirect", url: "/sign-in" });
    expect(await t.db.note.count()).toBe(before);
  });
});

describe("editing a note", () => {
  it("saves the author's changes and opens the note", async () => {
    const note = await authorsNote();
    await signInAs(author);
    const outcome = await outcomeOf(() => updateNoteAction(IDLE, formData({ id: note.id, ...fields, workingOn: "", sessionDate: "" })));
    expect(outcome).toEqual({ kind: "redirect", url: `/notes/${note.id}?saved=1` });
    expect(await t.db.note.findUnique({ where: { id: note.id } })).toMatchObject({
      title: "After the session",
      body: "We talked.",
      workingOn: null,
      sessionDate: null,
    });
  });

  it("gives a stranger the same not-found as a missing note, and changes nothing", async () => {
    const note = await authorsNote();
    await signInAs(stranger);
    const theirs = await updateNoteAction(IDLE, formData({ id: note.id, ...fields }));
    const missing = await updateNoteAction(IDLE, formData({ id: MISSING_ID, ...fields }));
    expect(theirs).toEqual({ status: "error", message: NOT_FOUND, fieldErrors: {}, values: {} });
    expect(missing).toEqual(theirs);
    expect(await t.db.note.findUnique({ where: { id: note.id } })).toEqual(note);
    expect(revalidatePath).not.toHaveBeenCalled();
  });

  it.each(["not-a-uuid", "1 OR 1=1", "", `${MISSING_ID}x`])("answers the forged id %j with not-found", async (id) => {
    const note = await authorsNote();
    await signInAs(author);
    expect(await updateNoteAction(IDLE, formData({ id, ...fields }))).toMatchObject({ status: "error", message: NOT_FOUND });
    expect(await t.db.note.findUnique({ where: { id: note.id } })).toEqual(note);
  });

  it("refuses bad input from the author with field errors and changes nothing", async () => {
    const note = await authorsNote();
    await signInAs(author);
    const state = await updateNoteAction(IDLE, formData({ id: note.id, ...fields, title: "", sessionDate: "2026-11-31" }));
    expect(state).toMatchObject({
      status: "error",
      fieldErrors: { title: ["Give the note a title."], sessionDate: ["Enter a date as YYYY-MM-DD."] },
    });
    expect(await t.db.note.findUnique({ where: { id: note.id } })).toEqual(note);
  });

  it("refuses a request without a note id and changes nothing", async () => {
    const note = await authorsNote();
    await signInAs(author);
    expect(await updateNoteAction(IDLE, formData(fields))).toMatchObject({ status: "error" });
    expect(await t.db.note.findUnique({ where: { id: note.id } })).toEqual(note);
  });

  it("sends a signed-out visitor to sign in and changes nothing", async () => {
    const note = await authorsNote();
    expect(await outcomeOf(() => updateNoteAction(IDLE, formData({ id: note.id, ...fields })))).toEqual({
      kind: "redirect",
      url: "/sign-in",
    });
    expect(await t.db.note.findUnique({ where: { id: note.id } })).toEqual(note);
  });
});

describe("deleting a note", () => {
  it("deletes the author's note and returns to the list", async () => {
    const note = await authorsNote();
    await signInAs(author);
    expect(await outcomeOf(() => deleteNoteAction(IDLE, formData({ id: note.id })))).toEqual({
      kind: "redirect",
      url: "/notes?deleted=1",
    });
    expect(await t.db.note.findUnique({ where: { id: note.id } })).toBeNull();
    expect(revalidatePath).toHaveBeenCalledWith("/notes");
  });

  it("gives a stranger the same not-found as a missing note, and deletes nothing", async () => {
    const note = await authorsNote();
    await signInAs(stranger);
    const theirs = await deleteNoteAction(IDLE, formData({ id: note.id }));
    expect(theirs).toEqual({ status: "error", message: NOT_FOUND, fieldErrors: {}, values: {} });
    expect(await deleteNoteAction(IDLE, formData({ id: MISSING_ID }))).toEqual(theirs);
    expect(await t.db.note.findUnique({ where: { id: note.id } })).toEqual(note);
  });

  it("answers a forged id with not-found and deletes nothing", async () => {
    const before = await t.db.note.count();
    await signInAs(author);
    expect(await deleteNoteAction(IDLE, formData({ id: "../../etc" }))).toMatchObject({ status: "error", message: NOT_FOUND });
    expect(await deleteNoteAction(IDLE, formData({}))).toMatchObject({ status: "error" });
    expect(await t.db.note.count()).toBe(before);
  });

  it("sends a signed-out visitor to sign in and deletes nothing", async () => {
    const note = await authorsNote();
    expect(await outcomeOf(() => deleteNoteAction(IDLE, formData({ id: note.id })))).toEqual({ kind: "redirect", url: "/sign-in" });
    expect(await t.db.note.findUnique({ where: { id: note.id } })).toEqual(note);
  });
});
