import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNote, getNote, listNotes } from "@/lib/data/notes";
import { createTestDb, type TestDb } from "../support/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("smoke", () => {
  it("a note is visible to its author only", async () => {
    const a = await t.db.user.create({ data: { email: "a@x.test", displayName: "A", passwordHash: "x" } });
    const b = await t.db.user.create({ data: { email: "b@x.test", displayName: "B", passwordHash: "x" } });
    const note = await createNote({ db: t.db, userId: a.id }, { title: "t", body: "b", workingOn: null, sessionDate: null });
    expect(await getNote({ db: t.db, userId: b.id }, note.id)).toBeNull();
    expect(await listNotes({ db: t.db, userId: b.id })).toEqual([]);
    expect((await listNotes({ db: t.db, userId: a.id })).map((n) => n.id)).toEqual([note.id]);
  });
});
