import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSharedItems } from "@/lib/data/consent";
import { acceptInvite, createInvite, getMyCouple } from "@/lib/data/couples";
import { createNote } from "@/lib/data/notes";
import { getPlan } from "@/lib/data/plan";
import { createSummary, getSummary } from "@/lib/data/summaries";
import { APP_KEY_ID, EncryptionUsageError } from "@/lib/db/encryption";
import { TEST_KEYS } from "../../support/encryption-keys";
import { createTestDb, type TestDb } from "../../support/test-db";
import { accessFor, createUser } from "../../support/users";
import { shareAsPreviewed } from "../../support/share";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function couple() {
  const [sam, alex] = [accessFor(t.db, await createUser(t.db, "Sam")), accessFor(t.db, await createUser(t.db, "Alex"))];
  await acceptInvite(alex, (await createInvite(sam)).token);
  return { sam, alex };
}

describe("the database client that encrypts", () => {
  it("decrypts nested reads: a partner's name through the couple, a note's title through a summary", { timeout: 120_000 }, async () => {
    const { sam, alex } = await couple();
    const note = await createNote(sam, { title: "The note", body: "b", workingOn: null, sessionDate: null });
    const summary = await createSummary(sam, { noteId: note.id, title: "S", body: "B", depth: "BRIEF", framing: "CONTENT_ONLY", whyReasons: [], whyText: null, responseWish: null });
    expect((await getMyCouple(alex))?.partner?.displayName).toBe("Sam");
    expect((await getSummary(sam, summary.id))?.note?.title).toBe("The note");
    const deep = await t.db.couple.findFirstOrThrow({
      where: { members: { some: { userId: sam.userId } } },
      select: { members: { select: { user: { select: { displayName: true, notes: { select: { title: true } } } } }, orderBy: { joinedAt: "asc" } } },
    });
    expect(deep.members.map((member) => member.user.displayName).sort()).toEqual(["Alex", "Sam"]);
    expect(deep.members.flatMap((member) => member.user.notes.map((n) => n.title))).toEqual(["The note"]);
  });

  it("refuses to filter, sort, seek or group on an encrypted field, at any depth, and changes nothing", async () => {
    const { sam } = await couple();
    await createNote(sam, { title: "Findable?", body: "b", workingOn: null, sessionDate: null });
    const refused = [
      () => t.db.note.findMany({ where: { title: "Findable?" } }),
      () => t.db.note.findMany({ where: { OR: [{ authorId: sam.userId }, { body: { contains: "b" } }] } }),
      () => t.db.user.findMany({ where: { notes: { some: { title: { startsWith: "F" } } } } }),
      () => t.db.planItem.findMany({ where: { consent: { is: { sharedTitle: "x" } } } }),
      () => t.db.note.findMany({ orderBy: { title: "asc" } }),
      () => t.db.user.findMany({ select: { notes: { where: { workingOn: null } } } }),
      () => t.db.note.groupBy({ by: ["title"] }),
      () => t.db.note.aggregate({ _max: { body: true } }),
      () => t.db.note.updateMany({ where: { title: "Findable?" }, data: { body: "changed" } }),
      () => t.db.note.deleteMany({ where: { title: "Findable?" } }),
    ];
    for (const attempt of refused) await expect(attempt()).rejects.toBeInstanceOf(EncryptionUsageError);
    expect(await t.db.note.count({ where: { authorId: sam.userId } })).toBe(1);
  });

  it("refuses nested writes of encrypted text, which would skip their owner's key, and writes nothing", async () => {
    const { sam } = await couple();
    await expect(
      t.db.user.update({ where: { id: sam.userId }, data: { notes: { create: { title: "nested", body: "nested" } } } }),
    ).rejects.toBeInstanceOf(EncryptionUsageError);
    await expect(
      t.db.coupleInvite.create({ data: { tokenHash: crypto.randomUUID(), expiresAt: new Date(), inviter: { create: { email: "n@x.y", displayName: "N", passwordHash: "h" } } } }),
    ).rejects.toBeInstanceOf(EncryptionUsageError);
    expect(await t.db.note.count({ where: { authorId: sam.userId } })).toBe(0);
    expect(await t.db.user.count({ where: { email: "n@x.y" } })).toBe(0);
  });

  it("writes with one owner's key per row, also when one update reaches rows of two owners", async () => {
    const { sam, alex } = await couple();
    const notes = [await createNote(sam, { title: "a", body: "a", workingOn: null, sessionDate: null }), await createNote(alex, { title: "b", body: "b", workingOn: null, sessionDate: null })];
    const { count } = await t.db.note.updateMany({ where: { id: { in: notes.map((note) => note.id) } }, data: { workingOn: "both" } });
    expect(count).toBe(2);
    const keys = await t.db.dataKey.findMany({ where: { userId: { in: [sam.userId, alex.userId] } } });
    const stored = await t.db.$queryRaw<{ authorId: string; workingOn: string }[]>`
      SELECT "authorId", "workingOn" FROM "Note" WHERE "id" IN (${notes[0]!.id}, ${notes[1]!.id})`;
    for (const row of stored) {
      expect(row.workingOn.split(":")[2]).toBe(keys.find((key) => key.userId === row.authorId)?.id);
    }
    expect((await t.db.note.findMany({ where: { id: { in: notes.map((note) => note.id) } } })).map((note) => note.workingOn)).toEqual(["both", "both"]);
  });

  it("reads in a transaction with a cold key cache (a fresh process), without waiting on itself", async () => {
    const { sam, alex } = await couple();
    const summary = await createSummary(sam, { noteId: null, title: "Cold", body: "Start", depth: "BRIEF", framing: "CONTENT_ONLY", whyReasons: [], whyText: null, responseWish: null });
    const fresh = t.openClient(TEST_KEYS);
    // shareSummary reads the summary and writes the snapshot inside one interactive transaction.
    await shareAsPreviewed(accessFor(fresh, { id: sam.userId }), { summaryId: summary.id, ownChoice: "yes", aboutMe: "yes", depth: "BRIEF", reflectionNote: null });
    const again = t.openClient(TEST_KEYS);
    expect((await getPlan(accessFor(again, { id: sam.userId }))).sharedNotOnPlan.map((item) => item.title)).toEqual(["Cold"]);
    expect((await listSharedItems(accessFor(t.openClient(TEST_KEYS), { id: alex.userId }))).map((item) => item.title)).toEqual(["Cold"]);
  });

  it("makes the app's own key once when writes in two processes need it at the same moment: every value opens afterwards", async () => {
    // No app key yet, as on a new database before its first email: the writes below race to make it.
    await t.db.$executeRaw`DELETE FROM "OutboxMessage"`;
    await t.db.$executeRaw`DELETE FROM "DataKey" WHERE "id" = ${APP_KEY_ID}`;
    const processes = [t.openClient(TEST_KEYS), t.openClient(TEST_KEYS)];
    const subjects = Array.from({ length: 8 }, (_, index) => `Reminder ${index}`);
    await Promise.all(
      subjects.map((subject, index) =>
        processes[index % 2]!.outboxMessage.create({ data: { to: `race-${index}@example.test`, subject, text: `Text of ${subject}`, html: `<p>${subject}</p>`, headers: {} } }),
      ),
    );
    expect(await t.db.dataKey.count({ where: { id: APP_KEY_ID } })).toBe(1);
    // Read by each writing process, and by one that never saw the key made.
    for (const reader of [...processes, t.openClient(TEST_KEYS)]) {
      const read = await reader.outboxMessage.findMany({ where: { to: { startsWith: "race-" } }, select: { subject: true, text: true } });
      expect(read.map((message) => message.subject).sort()).toEqual(subjects);
      expect(read.every((message) => message.text === `Text of ${message.subject}`)).toBe(true);
    }
  });

  it("refuses to read text that was stored unencrypted, rather than pass it off as encrypted", async () => {
    const { sam } = await couple();
    const note = await createNote(sam, { title: "t", body: "b", workingOn: null, sessionDate: null });
    await t.db.$executeRaw`UPDATE "Note" SET "body" = 'written around the client' WHERE "id" = ${note.id}`;
    await expect(t.db.note.findUnique({ where: { id: note.id } })).rejects.toThrow(/not encrypted/);
  });
});
