import "server-only";
import { APP_KEY_ID } from "@/lib/db/encryption";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { encryptField } from "./ciphertext";
import type { KeyRing, WrappedDataKey } from "./key-ring";
import { PRIVATE_FIELDS, type KeyOwner } from "./private-fields";

/**
 * Brings a database written before encryption (or partly encrypted by an interrupted run) to
 * the state the app keeps: withdrawn consents without their shared words, no key for an
 * ended couple, a key for every person and current couple, and no private field in plain
 * text. Each value is updated on its own, only if it is still the plain text that was read,
 * so the step can be stopped at any point and run again (npm start runs it every time).
 */
export type InPlaceReport = { droppedSnapshots: number; destroyedKeys: number; createdKeys: number; encryptedValues: number };

const ENCRYPTED_PATTERN = "enc:v1:%";

function quoted(name: string): string {
  if (!/^[A-Za-z]+$/.test(name)) throw new Error(`Unexpected name ${name}`);
  return `"${name}"`;
}

export async function encryptInPlace(db: Db, ring: KeyRing, options: { batchSize?: number } = {}): Promise<InPlaceReport> {
  const batchSize = options.batchSize ?? 500;
  const droppedSnapshots = await db.$executeRaw`
    UPDATE "ShareConsent" SET "sharedTitle" = NULL, "sharedBody" = NULL, "sharedWhyText" = NULL
    WHERE "withdrawnAt" IS NOT NULL AND ("sharedTitle" IS NOT NULL OR "sharedBody" IS NOT NULL OR "sharedWhyText" IS NOT NULL)`;
  const destroyedKeys = await db.$executeRaw`
    DELETE FROM "DataKey" WHERE "coupleId" IN (SELECT "id" FROM "Couple" WHERE "endedAt" IS NOT NULL)`;

  let createdKeys = 0;
  const keyless = async () => [
    ...(await db.$queryRaw<{ id: string }[]>`
      SELECT u."id" FROM "User" u LEFT JOIN "DataKey" k ON k."userId" = u."id" WHERE k."id" IS NULL ORDER BY u."id" LIMIT ${batchSize}`).map(
      ({ id }) => ({ owner: "USER" as const, userId: id }),
    ),
    ...(await db.$queryRaw<{ id: string }[]>`
      SELECT c."id" FROM "Couple" c LEFT JOIN "DataKey" k ON k."coupleId" = c."id"
      WHERE k."id" IS NULL AND c."endedAt" IS NULL ORDER BY c."id" LIMIT ${batchSize}`).map(({ id }) => ({ owner: "COUPLE" as const, coupleId: id })),
  ];
  for (let owners = await keyless(); owners.length; owners = await keyless()) {
    const { count } = await db.dataKey.createMany({ data: owners.map((owner) => ({ ...owner, ...ring.newDataKey().wrapped })), skipDuplicates: true });
    createdKeys += count;
  }

  const keys = new Map<string, { id: string; key: Buffer }>();
  async function keyOf(rule: KeyOwner, ownerId: string | null): Promise<{ id: string; key: Buffer }> {
    const name = rule.owner === "APP" ? "APP" : `${rule.owner}:${ownerId}`;
    const known = keys.get(name);
    if (known) return known;
    const where = rule.owner === "APP" ? { id: APP_KEY_ID } : rule.owner === "USER" ? { userId: ownerId! } : { coupleId: ownerId! };
    let stored: WrappedDataKey | null = await db.dataKey.findUnique({ where });
    if (!stored && rule.owner === "APP") {
      // The running app may make its key at the same moment (its first email): then that one is used.
      stored = await db.dataKey.create({ data: { ...ring.newDataKey(APP_KEY_ID).wrapped, owner: "APP" } }).catch((error: unknown) => {
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return db.dataKey.findUniqueOrThrow({ where });
        throw error;
      });
    }
    if (!stored) throw new Error(`No data key for ${name}: its text cannot be encrypted (an ended couple's plan or shared words should be gone).`);
    const found = { id: stored.id, key: ring.cached(stored.id) ?? ring.unwrap(stored) };
    keys.set(name, found);
    return found;
  }

  // The app's own key (mail, sign-up names) is made here, at every start under the start-up lock,
  // rather than by the first emails: those are written in transactions (sign-up), in parallel.
  await keyOf({ owner: "APP" }, null);

  let encryptedValues = 0;
  for (const [model, fields] of Object.entries(PRIVATE_FIELDS)) {
    for (const [field, rule] of Object.entries(fields)) {
      const ownerColumn = rule.owner === "APP" ? `NULL` : quoted(rule.via);
      for (;;) {
        const rows = await db.$queryRawUnsafe<{ id: string; owner: string | null; value: string }[]>(
          `SELECT "id", ${ownerColumn} AS "owner", ${quoted(field)} AS "value" FROM ${quoted(model)}
           WHERE ${quoted(field)} IS NOT NULL AND ${quoted(field)} NOT LIKE $1 ORDER BY "id" LIMIT ${batchSize}`,
          ENCRYPTED_PATTERN,
        );
        if (!rows.length) break;
        for (const row of rows) {
          const { id, key } = await keyOf(rule, row.owner);
          encryptedValues += await db.$executeRawUnsafe(
            `UPDATE ${quoted(model)} SET ${quoted(field)} = $1 WHERE "id" = $2 AND ${quoted(field)} = $3`,
            encryptField(`${model}.${field}`, id, key, row.value),
            row.id,
            row.value,
          );
        }
      }
    }
  }
  return { droppedSnapshots, destroyedKeys, createdKeys, encryptedValues };
}
