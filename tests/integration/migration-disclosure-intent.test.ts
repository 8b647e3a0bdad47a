/**
 * The migration that brought in C11 (decision 035) carries existing consents over: an item on the
 * plan becomes "let's talk about it", the rest "just so you know", and an acknowledgement
 * becomes the reply "Thank you for telling me." at the time it was given.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { MIGRATIONS_DIR, applyPendingMigrations } from "@/lib/db/migrations";
import { createEmptyDb, type EmptyDb } from "../support/empty-db";

const MIGRATION = "20261129164743_disclosure_intent_and_replies";

let empty: EmptyDb;
let before: string;
beforeAll(async () => {
  empty = await createEmptyDb();
  // The history as it stood before this migration.
  before = mkdtempSync(path.join(tmpdir(), "migrations-before-"));
  for (const entry of readdirSync(MIGRATIONS_DIR)) {
    if (entry < MIGRATION || !entry.match(/^\d/)) cpSync(path.join(MIGRATIONS_DIR, entry), path.join(before, entry), { recursive: true });
  }
});
afterAll(async () => {
  rmSync(before, { recursive: true, force: true });
  await empty.close();
});

it("carries each consent's place on the plan and its acknowledgement over", { timeout: 180_000 }, async () => {
  await applyPendingMigrations(empty.factory, before);
  const acknowledged = new Date("2026-11-20T10:00:00.000Z");
  for (const statement of [
    `INSERT INTO "User" ("id", "email", "displayName", "passwordHash") VALUES ('u1', 'a@x.test', 'Sam', 'h'), ('u2', 'b@x.test', 'Alex', 'h')`,
    `INSERT INTO "Couple" ("id") VALUES ('c1')`,
    `INSERT INTO "ShareConsent" ("id", "authorId", "coupleId", "sharedDepth", "sharedFraming", "sharedWhyReasons", "reflectedOwnChoice", "reflectedAboutMe", "historyTitle", "acknowledgedAt")
     VALUES ('on-plan', 'u1', 'c1', 'BRIEF', 'CONTENT_ONLY', '{}', true, true, 't', NULL),
            ('acknowledged', 'u1', 'c1', 'BRIEF', 'CONTENT_ONLY', '{}', true, true, 't', '${acknowledged.toISOString()}')`,
    `INSERT INTO "PlanItem" ("id", "coupleId", "addedById", "consentId", "position") VALUES ('p1', 'c1', 'u2', 'on-plan', 0)`,
  ]) {
    await empty.db.$executeRawUnsafe(statement);
  }
  expect(await applyPendingMigrations(empty.factory)).toEqual(readdirSync(MIGRATIONS_DIR).filter((entry) => entry >= MIGRATION && /^\d/.test(entry)).sort());
  const rows = await empty.db.$queryRaw<{ id: string; sharedIntent: string; reply: string | null; repliedAt: Date | null; talkRequest: string | null }[]>`
    SELECT "id", "sharedIntent"::text AS "sharedIntent", "reply"::text AS "reply", "repliedAt", "talkRequest"::text AS "talkRequest" FROM "ShareConsent" ORDER BY "id"`;
  expect(rows).toEqual([
    { id: "acknowledged", sharedIntent: "JUST_SO_YOU_KNOW", reply: "THANK_YOU", repliedAt: acknowledged, talkRequest: null },
    { id: "on-plan", sharedIntent: "LETS_TALK", reply: null, repliedAt: null, talkRequest: null },
  ]);
});
