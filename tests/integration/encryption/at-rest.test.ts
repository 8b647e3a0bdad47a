import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptField, parseCiphertext } from "@/lib/crypto/ciphertext";
import { KeyRing } from "@/lib/crypto/key-ring";
import { rewrapDataKeys } from "@/lib/crypto/rotate";
import { deleteAccount } from "@/lib/data/account";
import { listMyConsentHistory, listSharedItems, unshareSummary } from "@/lib/data/consent";
import { getConversationGuide, listConversationsWeHad, listMyReflections } from "@/lib/data/conversation";
import { getMyCouple, leaveCouple } from "@/lib/data/couples";
import { getDraft } from "@/lib/data/drafts";
import { getNote, listNotes } from "@/lib/data/notes";
import { listOutbox } from "@/lib/data/outbox";
import { getPlan } from "@/lib/data/plan";
import { getSummary } from "@/lib/data/summaries";
import { createTestDb, type TestDb } from "../../support/test-db";
import { OTHER_TEST_KEK, TEST_KEK, TEST_KEYS } from "../../support/encryption-keys";
import { cheapPasswordHash } from "../../support/users";
import { everyRow, writeMarkersEverywhere } from "./marker-world";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const containing = (rows: string[], marker: string) => rows.filter((row) => row.includes(marker));

describe("what people write is stored encrypted", () => {
  it("after a marker is written into every field a person writes, no table and no dump holds it in plain text, yet each person reads it back", { timeout: 120_000 }, async () => {
    const marker = `Marker-${crypto.randomUUID()}`;
    const world = await writeMarkersEverywhere(t.db, marker);

    expect(containing(await everyRow(t.db), marker)).toEqual([]);
    expect((await t.dump()).includes(Buffer.from(marker))).toBe(false);

    // The same words, decrypted for the people allowed to read them.
    expect((await getNote(world.author, world.noteId))?.body).toBe(`edited note body ${marker}`);
    expect((await getSummary(world.author, world.summaryId))?.whyText).toBe(`edited why ${marker}`);
    expect((await getSummary(world.author, world.summaryId))?.privateLabel).toBe(`edited private label ${marker}`);
    expect((await getDraft(world.author, { kind: "note", id: world.noteId }))?.fields).toMatchObject({ body: `draft note body ${marker}` });
    expect((await getDraft(world.author, { kind: "new-summary", noteId: null }))?.fields).toMatchObject({ whyText: `draft why ${marker}` });
    expect((await listSharedItems(world.partner)).map((item) => item.body)).toEqual([`edited summary body ${marker}`]);
    expect((await getPlan(world.partner)).items.map((item) => item.title)).toEqual([`edited summary title ${marker}`, `topic ${marker}`]);
    expect((await getMyCouple(world.partner))?.partner?.displayName).toBe(`author ${marker}`);
    expect((await listMyConsentHistory(world.author))[0]).toMatchObject({ sharedTitle: `edited summary title ${marker}`, reflectionNote: `reflection ${marker}` });
    const me = await t.db.user.findUniqueOrThrow({ where: { id: world.partner.userId }, select: { email: true } });
    expect((await listOutbox({ ...world.partner, keyHash: null })).map((mail) => mail.subject)).toContain(`subject ${marker}`);
    expect(me.email).toContain("partner-");
    expect((await listConversationsWeHad(world.author))[0]).toMatchObject({ agreedLine: `agreed ${marker}`, items: [{ title: `history topic ${marker}` }] });
    expect(await getConversationGuide(world.author)).toMatchObject({
      steps: [`step ${marker}`],
      rules: [`rule ${marker}`],
      proposal: { steps: [`proposed step ${marker}`], rules: [`proposed rule ${marker}`] },
    });
    expect((await listMyReflections(world.author)).map((reflection) => reflection.body)).toEqual([`reflection after talking ${marker}`]);
  });

  it("each field is sealed for its own place: a ciphertext moved to another field does not open", async () => {
    const marker = `Moved-${crypto.randomUUID()}`;
    const world = await writeMarkersEverywhere(t.db, marker);
    const [row] = await t.db.$queryRaw<{ title: string }[]>`SELECT "title" FROM "Note" WHERE "id" = ${world.noteId}`;
    await t.db.$executeRaw`UPDATE "Note" SET "body" = ${row!.title} WHERE "id" = ${world.noteId}`;
    await expect(getNote(world.author, world.noteId)).rejects.toThrow();
  });
});

describe("crypto-shredding", () => {
  it("deleting an account destroys its data key: its stored ciphertext can no longer be opened, even with the key-encryption key", async () => {
    const marker = `Deleted-${crypto.randomUUID()}`;
    const world = await writeMarkersEverywhere(t.db, marker);
    const [stored] = await t.db.$queryRaw<{ body: string }[]>`SELECT "body" FROM "Note" WHERE "id" = ${world.noteId}`;
    const parsed = parseCiphertext(stored!.body)!;
    const keyRow = await t.db.dataKey.findUniqueOrThrow({ where: { id: parsed.keyId } });
    // While the account exists, that ciphertext opens with its key.
    expect(decryptField("Note.body", parsed, new KeyRing(TEST_KEYS).unwrap(keyRow))).toBe(`edited note body ${marker}`);

    await t.db.user.update({ where: { id: world.author.userId }, data: { passwordHash: await cheapPasswordHash("pw") } });
    await deleteAccount(world.author, "pw");

    expect(await t.db.dataKey.findUnique({ where: { id: parsed.keyId } })).toBeNull();
    expect(containing(await everyRow(t.db), parsed.keyId)).toEqual([]);
    // pg_dump holds live rows only. PGlite's folder still holds the dead row until its space
    // is reused (decision 022): that copy is wrapped, and rotating the KEK makes it useless.
    if (t.kind === "postgres") expect((await t.dump()).includes(Buffer.from(keyRow.wrappedKey))).toBe(false);
    await rewrapDataKeys(t.db, new KeyRing({ current: OTHER_TEST_KEK, previous: TEST_KEK }));
    expect(() => new KeyRing({ current: OTHER_TEST_KEK, previous: null }).unwrap(keyRow)).toThrow(/does not have/);
    await rewrapDataKeys(t.db, new KeyRing({ current: TEST_KEK, previous: OTHER_TEST_KEK }));
    // The saved ciphertext, put back into a row, cannot be read: its key is gone.
    const other = await writeMarkersEverywhere(t.db, `Other-${crypto.randomUUID()}`);
    await t.db.$executeRaw`UPDATE "Note" SET "body" = ${stored!.body} WHERE "id" = ${other.noteId}`;
    await expect(getNote(other.author, other.noteId)).rejects.toThrow(/destroyed/);
  });

  it("unsharing drops the shared words for good; the author's history keeps the title, under the author's own key", async () => {
    const marker = `Unshared-${crypto.randomUUID()}`;
    const world = await writeMarkersEverywhere(t.db, marker);
    await unshareSummary(world.author, world.summaryId);
    const consent = await t.db.shareConsent.findUniqueOrThrow({ where: { id: world.consentId } });
    expect(consent).toMatchObject({ sharedTitle: null, sharedBody: null, sharedWhyText: null, withdrawalCause: "AUTHOR_UNSHARED", sharedDepth: "IN_DEPTH" });
    expect((await listMyConsentHistory(world.author))[0]).toMatchObject({ sharedTitle: `edited summary title ${marker}`, withdrawnAt: expect.any(Date) });
    const [raw] = await t.db.$queryRaw<{ historyTitle: string }[]>`SELECT "historyTitle" FROM "ShareConsent" WHERE "id" = ${world.consentId}`;
    const userKey = await t.db.dataKey.findUniqueOrThrow({ where: { userId: world.author.userId } });
    expect(parseCiphertext(raw!.historyTitle)?.keyId).toBe(userKey.id);
  });

  it("the end of a couple drops every shared word and destroys the couple's key", async () => {
    const marker = `Ended-${crypto.randomUUID()}`;
    const world = await writeMarkersEverywhere(t.db, marker);
    const couple = await getMyCouple(world.author);
    const coupleKey = await t.db.dataKey.findUniqueOrThrow({ where: { coupleId: couple!.id } });
    await leaveCouple(world.partner);
    expect(await t.db.dataKey.findUnique({ where: { id: coupleKey.id } })).toBeNull();
    expect(await t.db.shareConsent.findMany({ where: { coupleId: couple!.id }, select: { sharedTitle: true, sharedBody: true, sharedWhyText: true } })).toEqual([
      { sharedTitle: null, sharedBody: null, sharedWhyText: null },
    ]);
    expect(containing(await everyRow(t.db), coupleKey.id)).toEqual([]);
    // Each keeps their own: the author's notes and history are still readable.
    expect((await listNotes(world.author)).map((note) => note.title)).toEqual([`edited note title ${marker}`]);
    expect((await listMyConsentHistory(world.author))[0]).toMatchObject({ sharedTitle: `edited summary title ${marker}`, withdrawalCause: "COUPLE_ENDED" });
  });
});
