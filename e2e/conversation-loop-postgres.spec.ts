import { randomBytes } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import { startAppInstance, type AppInstance } from "./support/app-instances";
import { walkTheWholeLoop } from "./support/conversation-loop";
import { signInInContext, test } from "./support/fixtures";
import { addAccount, createServerDatabase, encryptInPlace, type ServerDatabase } from "./support/server-database";

/**
 * Issue 12's whole loop (e2e/support/conversation-loop.ts) on PostgreSQL: one instance of the
 * same build on a fresh database, sending its own reminders, with no SMTP_URL so that mail stays
 * in its development outbox, where the loop reads it. Runs when TEST_DATABASE_URL names a server
 * on this machine (as in CI), like scale-out.spec.ts.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const ACCOUNTS = {
  Mira: { email: "mira@loop-postgres.example", displayName: "Mira", password: "mira's own passphrase" },
  Theo: { email: "theo@loop-postgres.example", displayName: "Theo", password: "theo's own passphrase" },
};

test.describe("the conversation loop on PostgreSQL", () => {
  test.skip(!serverUrl, "Needs TEST_DATABASE_URL: a PostgreSQL server on this machine.");

  let database: ServerDatabase;
  let instance: AppInstance;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    database = await createServerDatabase(serverUrl!, "loop");
    const env = {
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      REMINDER_DISPATCH: "app",
      REMINDER_SWEEP_SECONDS: "10",
    };
    instance = await startAppInstance("the PostgreSQL instance", env);
    await database.client.connect();
    for (const account of Object.values(ACCOUNTS)) await addAccount(database.client, account);
    await encryptInPlace(env);
  });

  test.afterAll(async () => {
    await instance?.stop();
    await database?.drop();
  });

  test("a new couple walks the whole loop on one app instance and a PostgreSQL database", async ({ browser }) => {
    test.setTimeout(300_000);
    const contexts: BrowserContext[] = [];
    try {
      await walkTheWholeLoop(async (displayName, { timezoneId }) => {
        const context = await browser.newContext({ baseURL: instance.url, timezoneId });
        contexts.push(context);
        return signInInContext(context, ACCOUNTS[displayName]);
      });
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
