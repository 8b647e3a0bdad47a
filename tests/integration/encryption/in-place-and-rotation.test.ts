import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptInPlace } from "@/lib/crypto/encrypt-in-place";
import { KeyRing } from "@/lib/crypto/key-ring";
import { rewrapDataKeys } from "@/lib/crypto/rotate";
import { listMyConsentHistory, listSharedItems } from "@/lib/data/consent";
import { getMyCouple } from "@/lib/data/couples";
import { createNote, getNote, listNotes } from "@/lib/data/notes";
import { getPlan } from "@/lib/data/plan";
import { listOutbox } from "@/lib/data/outbox";
import { APP_KEY_ID } from "@/lib/db/encryption";
import { OTHER_TEST_KEK, TEST_KEK, TEST_KEYS } from "../../support/encryption-keys";
import { createTestDb, type TestDb } from "../../support/test-db";
import { accessFor } from "../../support/users";
import { everyRow } from "./marker-world";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

/** A couple as a version before encryption stored it: plain text everywhere, no data keys. */
async function plainTextCouple(marker: string) {
  const [sam, alex, coupleId, noteId, summaryId, activeId, withdrawnId] = Array.from({ length: 7 }, () => crypto.randomUUID()) as [string, string, string, string, string, string, string];
  await t.db.$executeRaw`INSERT INTO "User" ("id", "email", "displayName", "passwordHash", "emailVerifiedAt") VALUES
    (${sam}, ${`sam-${sam}@x.test`}, ${`Sam ${marker}`}, 'h', now()), (${alex}, ${`alex-${alex}@x.test`}, 'Alex', 'h', now())`;
  await t.db.$executeRaw`INSERT INTO "Couple" ("id") VALUES (${coupleId})`;
  await t.db.$executeRaw`INSERT INTO "CoupleMember" ("userId", "coupleId") VALUES (${sam}, ${coupleId}), (${alex}, ${coupleId})`;
  await t.db.$executeRaw`INSERT INTO "Note" ("id", "authorId", "title", "body", "workingOn", "updatedAt") VALUES (${noteId}, ${sam}, ${`note ${marker}`}, ${`body ${marker}`}, NULL, now())`;
  await t.db.$executeRaw`INSERT INTO "Summary" ("id", "authorId", "title", "body", "depth", "framing", "whyText", "updatedAt")
    VALUES (${summaryId}, ${sam}, ${`summary ${marker}`}, ${`summary body ${marker}`}, 'BRIEF', 'CONTENT_ONLY', ${`why ${marker}`}, now())`;
  await t.db.$executeRaw`INSERT INTO "ShareConsent" ("id", "authorId", "summaryId", "activeSummaryId", "coupleId", "sharedTitle", "historyTitle", "sharedBody", "sharedDepth", "sharedFraming", "reflectedOwnChoice", "reflectedAboutMe", "reflectionNote")
    VALUES (${activeId}, ${sam}, ${summaryId}, ${summaryId}, ${coupleId}, ${`shared ${marker}`}, ${`shared ${marker}`}, ${`shared body ${marker}`}, 'BRIEF', 'CONTENT_ONLY', true, true, ${`reflection ${marker}`}),
           (${withdrawnId}, ${sam}, ${summaryId}, NULL, ${coupleId}, ${`old ${marker}`}, ${`old ${marker}`}, ${`old body ${marker}`}, 'BRIEF', 'CONTENT_ONLY', true, true, NULL)`;
  await t.db.$executeRaw`UPDATE "ShareConsent" SET "withdrawnAt" = now(), "withdrawalCause" = 'RESHARED' WHERE "id" = ${withdrawnId}`;
  await t.db.$executeRaw`INSERT INTO "PlanItem" ("id", "coupleId", "addedById", "topicTitle", "topicDetail", "position") VALUES (${crypto.randomUUID()}, ${coupleId}, ${alex}, ${`topic ${marker}`}, NULL, 0)`;
  await t.db.$executeRaw`INSERT INTO "OutboxMessage" ("id", "to", "subject", "text", "html", "headers") VALUES (${crypto.randomUUID()}, ${`alex-${alex}@x.test`}, ${`mail ${marker}`}, ${`text ${marker}`}, ${`html ${marker}`}, '{}')`;
  return { sam: accessFor(t.db, { id: sam }), alex: accessFor(t.db, { id: alex }), noteId };
}

describe("npm start encrypts an existing plain-text database in place", () => {
  it("encrypts every private value, drops withdrawn consents' shared words, and the app reads it all as before", { timeout: 120_000 }, async () => {
    const marker = `Legacy-${crypto.randomUUID()}`;
    const { sam, alex, noteId } = await plainTextCouple(marker);
    // Some of it already encrypted, as an interrupted run or a newer write would leave it.
    const newer = await createNote(sam, { title: "newer", body: "newer", workingOn: null, sessionDate: null });
    const [before] = await t.db.$queryRaw<{ body: string }[]>`SELECT "body" FROM "Note" WHERE "id" = ${newer.id}`;

    const report = await encryptInPlace(t.db, new KeyRing(TEST_KEYS), { batchSize: 2 });
    expect(report).toMatchObject({ droppedSnapshots: 1, createdKeys: 2 });
    expect(report.encryptedValues).toBeGreaterThanOrEqual(15);
    expect((await everyRow(t.db)).filter((row) => row.includes(marker))).toEqual([]);
    const [after] = await t.db.$queryRaw<{ body: string }[]>`SELECT "body" FROM "Note" WHERE "id" = ${newer.id}`;
    expect(after).toEqual(before);

    expect((await getNote(sam, noteId))?.body).toBe(`body ${marker}`);
    expect((await listNotes(sam)).map((note) => note.title).sort()).toEqual(["newer", `note ${marker}`]);
    expect((await getMyCouple(alex))?.partner?.displayName).toBe(`Sam ${marker}`);
    expect((await listSharedItems(alex)).map((item) => item.body)).toEqual([`shared body ${marker}`]);
    expect((await getPlan(alex)).items.map((item) => item.title)).toEqual([`topic ${marker}`]);
    expect((await listMyConsentHistory(sam)).map((entry) => entry.sharedTitle).sort()).toEqual([`old ${marker}`, `shared ${marker}`]);
    expect((await listOutbox({ ...alex, keyHash: null })).map((mail) => mail.subject)).toEqual([`mail ${marker}`]);

    // Run again (every start does): nothing left to do.
    expect(await encryptInPlace(t.db, new KeyRing(TEST_KEYS))).toEqual({ droppedSnapshots: 0, destroyedKeys: 0, createdKeys: 0, encryptedValues: 0 });
  });

  it("makes the app's own key, for mail and sign-up names, before any email needs it", async () => {
    // A database whose first email is still to come.
    for (const table of ["OutboxMessage", "QueuedEmail", "EmailToken"]) await t.db.$executeRawUnsafe(`DELETE FROM "${table}"`);
    await t.db.$executeRaw`DELETE FROM "DataKey" WHERE "id" = ${APP_KEY_ID}`;
    await encryptInPlace(t.db, new KeyRing(TEST_KEYS));
    expect(await t.db.dataKey.count({ where: { id: APP_KEY_ID } })).toBe(1);
  });
});

describe("keys:rotate", () => {
  it("rewraps every data key under the new key-encryption key while both are accepted; afterwards the old one is not needed", async () => {
    const sam = accessFor(t.db, await t.db.user.create({ data: { email: `r-${crypto.randomUUID()}@x.test`, displayName: "Rotating", passwordHash: "h" } }));
    const note = await createNote(sam, { title: "Kept", body: "Across the rotation", workingOn: null, sessionDate: null });
    const during = t.openClient({ current: OTHER_TEST_KEK, previous: TEST_KEK });
    expect((await getNote(accessFor(during, { id: sam.userId }), note.id))?.body).toBe("Across the rotation");

    const rewrapped = await rewrapDataKeys(t.db, new KeyRing({ current: OTHER_TEST_KEK, previous: TEST_KEK }));
    expect(rewrapped).toBeGreaterThan(0);
    expect(await t.db.dataKey.count({ where: { kekId: { not: OTHER_TEST_KEK.id } } })).toBe(0);
    const after = t.openClient({ current: OTHER_TEST_KEK, previous: null });
    expect((await getNote(accessFor(after, { id: sam.userId }), note.id))?.body).toBe("Across the rotation");
    const oldOnly = t.openClient({ current: TEST_KEK, previous: null });
    await expect(getNote(accessFor(oldOnly, { id: sam.userId }), note.id)).rejects.toThrow(/which this process does not have/);
    expect(await rewrapDataKeys(t.db, new KeyRing({ current: OTHER_TEST_KEK, previous: TEST_KEK }))).toBe(0);
  });
});
