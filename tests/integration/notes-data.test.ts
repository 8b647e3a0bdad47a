import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Access } from "@/lib/data/access";
import { createNote, deleteNote, getNote, listNotes, updateNote } from "@/lib/data/notes";
import type { NoteInput } from "@/lib/validation/note";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser } from "../support/users";

let t: TestDb;
let author: Access;
let stranger: Access;
beforeAll(async () => {
  t = await createTestDb();
  author = accessFor(t.db, await createUser(t.db, "Author"));
  stranger = accessFor(t.db, await createUser(t.db, "Stranger"));
});
afterAll(() => t.close());

const draft: NoteInput = {
  title: "After the session",
  body: "We talked about my father.",
  workingOn: "Saying what I need",
  sessionDate: new Date("2026-11-18T00:00:00.000Z"),
};
const changed: NoteInput = { title: "Rewritten", body: "Different words.", workingOn: null, sessionDate: null };

describe("a note's author", () => {
  it("creates a note and reads it back exactly", async () => {
    const note = await createNote(author, draft);
    expect(note).toMatchObject({ ...draft, authorId: author.userId });
    expect(await getNote(author, note.id)).toEqual(note);
  });

  it("lists their notes, most recently changed first, with the fields the list shows", async () => {
    const own = accessFor(t.db, await createUser(t.db, "Lister"));
    const first = await createNote(own, { ...draft, title: "First" });
    const second = await createNote(own, { ...draft, title: "Second" });
    // Spread the times out, so the order cannot hinge on two writes in the same millisecond.
    const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
    await t.db.note.update({ where: { id: first.id }, data: { updatedAt: minutesAgo(2) } });
    await t.db.note.update({ where: { id: second.id }, data: { updatedAt: minutesAgo(1) } });
    expect((await listNotes(own)).map((note) => note.title)).toEqual(["Second", "First"]);
    await updateNote(own, first.id, { ...draft, title: "First, edited" });
    const list = await listNotes(own);
    expect(list.map((note) => note.title)).toEqual(["First, edited", "Second"]);
    expect(list[1]).toEqual({
      id: second.id,
      title: "Second",
      workingOn: draft.workingOn,
      sessionDate: draft.sessionDate,
      updatedAt: expect.any(Date),
    });
  });

  it("updates a note and clears optional fields", async () => {
    const note = await createNote(author, draft);
    const updated = await updateNote(author, note.id, changed);
    expect(updated).toMatchObject({ id: note.id, ...changed });
    expect(await getNote(author, note.id)).toMatchObject(changed);
  });

  it("deletes a note for good", async () => {
    const note = await createNote(author, draft);
    expect(await deleteNote(author, note.id)).toBe(true);
    expect(await getNote(author, note.id)).toBeNull();
    expect((await listNotes(author)).map((n) => n.id)).not.toContain(note.id);
    expect(await deleteNote(author, note.id)).toBe(false);
  });
});

describe("anyone else", () => {
  it("cannot read, list, change or delete the note, and sees what a missing note gives", async () => {
    const note = await createNote(author, draft);
    const missingId = "00000000-0000-4000-8000-000000000000";

    expect(await getNote(stranger, note.id)).toBeNull();
    expect(await listNotes(stranger)).toEqual([]);
    expect(await updateNote(stranger, note.id, changed)).toBeNull();
    expect(await deleteNote(stranger, note.id)).toBe(false);

    // Exactly what a note that does not exist gives: nothing tells the two apart.
    expect(await getNote(stranger, missingId)).toBeNull();
    expect(await updateNote(stranger, missingId, changed)).toBeNull();
    expect(await deleteNote(stranger, missingId)).toBe(false);

    expect(await getNote(author, note.id)).toEqual(note);
  });

  it("creating a note never puts it in someone else's space", async () => {
    const note = await createNote(stranger, { ...draft, title: "The stranger's own" });
    expect(note.authorId).toBe(stranger.userId);
    expect((await listNotes(author)).map((n) => n.title)).not.toContain("The stranger's own");
    expect(await getNote(author, note.id)).toBeNull();
  });
});
