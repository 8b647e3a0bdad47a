import { loadKeyEncryptionKeys } from "../../lib/crypto/load-keys.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { databaseTargetFromEnv } from "../../lib/db/adapter.ts";
import { createDbClient } from "../../lib/db/create-client.ts";
import { applyPendingMigrations } from "../../lib/db/migrations.ts";
import { openAdapterOrExit } from "../../lib/db/open-or-exit.ts";
import { ACCOUNTS_PER_NAME, PEOPLE, PEOPLE_PASSWORD, pooledEmail } from "./people.ts";

/**
 * Run by playwright.config.ts before the server starts, on its fresh embedded database: the
 * accounts the tests sign in as (e2e/support/people.ts). They share one password, so one
 * hash at the app's own cost serves them all.
 */
if (process.env.DATABASE_URL) throw new Error("The e2e people are made on the embedded database only; unset DATABASE_URL.");
const opened = openAdapterOrExit(databaseTargetFromEnv());
try {
  await applyPendingMigrations(opened.factory);
  const db = createDbClient(opened.factory, { keys: loadKeyEncryptionKeys() });
  const passwordHash = await hashPassword(PEOPLE_PASSWORD);
  const emailVerifiedAt = new Date();
  for (const displayName of PEOPLE) {
    for (let index = 0; index < ACCOUNTS_PER_NAME; index += 1) {
      await db.user.create({ data: { email: pooledEmail(displayName, index), displayName, passwordHash, emailVerifiedAt }, select: { id: true } });
    }
  }
  await db.$disconnect();
  console.log(`Made ${PEOPLE.length * ACCOUNTS_PER_NAME} accounts for the end-to-end tests.`);
} finally {
  await opened.close();
}
