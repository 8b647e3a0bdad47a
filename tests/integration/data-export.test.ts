import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportMyData } from "@/lib/data/export";
import { createNote } from "@/lib/data/notes";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser } from "../support/users";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("exporting my data", () => {
  it("holds my account and all my notes, oldest first, and nothing of anyone else's", async () => {
    const me = await createUser(t.db, "Me");
    const other = await createUser(t.db, "Other");
    const mine = accessFor(t.db, me);
    const second = await createNote(mine, {
      title: "Second",
      body: "two",
      workingOn: "patience",
      sessionDate: new Date("2026-11-18T00:00:00.000Z"),
    });
    // Stored after the other but dated a minute earlier: the export is in the order they were written.
    const first = await t.db.note.create({
      data: { authorId: me.id, title: "First", body: "one", createdAt: new Date(second.createdAt.getTime() - 60_000) },
    });
    await createNote(accessFor(t.db, other), { title: "Not mine", body: "secret", workingOn: null, sessionDate: null });

    const data = await exportMyData(mine);

    expect(data.account).toEqual({ email: me.email, displayName: "Me", createdAt: expect.any(Date), timeZone: null });
    expect(data.notes.map((note) => note.id)).toEqual([first.id, second.id]);
    expect(data.notes[1]).toEqual({
      id: second.id,
      title: "Second",
      body: "two",
      workingOn: "patience",
      sessionDate: new Date("2026-11-18T00:00:00.000Z"),
      createdAt: second.createdAt,
      updatedAt: second.updatedAt,
    });
    const text = JSON.stringify(data);
    expect(text).not.toContain("Not mine");
    expect(text).not.toContain(other.email);
    expect(text).not.toContain(other.id);
  });

  it("holds my own time zone, and not my partner's", async () => {
    const me = await createUser(t.db, "Zoned");
    const partner = await createUser(t.db, "Elsewhere");
    await t.db.couple.create({ data: { members: { create: [{ userId: me.id }, { userId: partner.id }] } } });
    await t.db.user.update({ where: { id: me.id }, data: { timeZone: "Europe/Berlin" } });
    await t.db.user.update({ where: { id: partner.id }, data: { timeZone: "America/New_York" } });
    const data = await exportMyData(accessFor(t.db, me));
    expect(data.account.timeZone).toBe("Europe/Berlin");
    expect(JSON.stringify(data)).not.toContain("America/New_York");
  });

  it("never includes the password hash", async () => {
    const me = await createUser(t.db, "Hashless");
    const text = JSON.stringify(await exportMyData(accessFor(t.db, me)));
    expect(text).not.toContain("passwordHash");
    expect(text).not.toContain("not-a-password-hash");
  });

  it("for a user with no notes is their account and an empty list", async () => {
    const me = await createUser(t.db, "Empty");
    expect(await exportMyData(accessFor(t.db, me))).toMatchObject({ account: { email: me.email }, notes: [] });
  });
});
