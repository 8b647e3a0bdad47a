import { randomBytes } from "node:crypto";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { startSmtpListener, type SmtpListener } from "../tests/support/smtp-listener";
import { startAppInstance, type AppInstance } from "./support/app-instances";
import { addAccount, addCouplesWithCheckInSoon, createServerDatabase, encryptInPlace, type ServerDatabase } from "./support/server-database";

/**
 * The supported way to scale out (README, "Deploying"): several instances of the same build on
 * one PostgreSQL database, each given the same secrets, each sending reminders. Two instances
 * start together on a fresh database and must then behave as one app. PostgreSQL only: runs
 * when TEST_DATABASE_URL names a server on this machine (as in CI), like the PostgreSQL
 * integration tests.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const ROBIN = { email: "robin@scale-out.example", displayName: "Robin", password: "robin's own passphrase" };
const SKY = { email: "sky@scale-out.example", displayName: "Sky", password: "sky's own passphrase" };
const COUPLES = 50;
const WRONG = "The email or password is wrong.";
const PAUSED = /^Too many sign-in attempts\./;

test.describe("two app instances on one PostgreSQL database", () => {
  test.skip(!serverUrl, "Needs TEST_DATABASE_URL: a PostgreSQL server on this machine.");
  test.describe.configure({ mode: "serial", timeout: 240_000 });

  let database: ServerDatabase;
  let smtp: SmtpListener;
  let instances: AppInstance[] = [];
  let api: APIRequestContext;
  let recipients: string[];
  const shared = {
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    CRON_SECRET: randomBytes(32).toString("base64url"),
    REMINDER_DISPATCH: "app",
  };

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    database = await createServerDatabase(serverUrl!, "scale_out");
    // A mail server that takes a moment per message, so that two sweeps are sending at once.
    smtp = await startSmtpListener({ answerAfterMs: 100 });
    const env = { ...shared, DATABASE_URL: database.url, SMTP_URL: smtp.url };
    // Started together on an empty database: they take turns migrating it (the start-up lock).
    instances = await Promise.all([startAppInstance("instance A", env), startAppInstance("instance B", env)]);

    await database.client.connect();
    await addAccount(database.client, ROBIN);
    await addAccount(database.client, SKY);
    recipients = await addCouplesWithCheckInSoon(database.client, COUPLES);
    await encryptInPlace({ ...env });
    api = await playwrightRequest.newContext();
  });

  test.afterAll(async () => {
    await api?.dispose();
    await Promise.all(instances.map((instance) => instance.stop()));
    await smtp?.stop();
    await database?.drop();
  });

  test("both started on an empty database, and the migrations were applied once", async () => {
    const outputs = instances.map((instance) => instance.output());
    expect(outputs.filter((output) => /Database: applied 20\d+_init/.test(output))).toHaveLength(1);
    expect(outputs.filter((output) => output.includes("Database: up to date."))).toHaveLength(1);
    const { rows } = await database.client.query<{ applied: number; names: number }>(
      `SELECT count(*)::int AS applied, count(DISTINCT "migration_name")::int AS names FROM "_prisma_migrations"`,
    );
    expect(rows[0]!.applied).toBe(rows[0]!.names);
  });

  test("a session started on one instance is valid on the other, and ending it on the other ends it everywhere", async () => {
    const [a, b] = instances as [AppInstance, AppInstance];
    expect(await signIn(api, a, ROBIN.email, ROBIN.password)).toBeNull();
    const cookie = await sessionCookie(api);

    expect((await (await api.get(`${b.url}/api/auth/session`)).json()).user).toMatchObject({ email: ROBIN.email, name: ROBIN.displayName });
    const notes = await api.get(`${b.url}/notes`, { maxRedirects: 0 });
    expect(notes.status()).toBe(200);

    const { csrfToken } = await (await api.get(`${b.url}/api/auth/csrf`)).json();
    expect((await api.post(`${b.url}/api/auth/signout`, { form: { csrfToken, json: "true" } })).ok()).toBe(true);
    // A copy of the cookie taken before the sign-out is refused by the instance that issued it.
    const replay = await playwrightRequest.newContext({ extraHTTPHeaders: { cookie } });
    try {
      expect(await (await replay.get(`${a.url}/api/auth/session`)).json()).toEqual({});
      const signedOut = await replay.get(`${a.url}/notes`, { maxRedirects: 0 });
      expect(signedOut.status()).toBe(307);
      expect(signedOut.headers().location).toMatch(/\/sign-in/);
    } finally {
      await replay.dispose();
    }
  });

  test("each due reminder is sent exactly once while both instances send reminders, and its unsubscribe link works on either", async () => {
    const [a, b] = instances as [AppInstance, AppInstance];
    // Every partner turns reminders on, then a sweep runs on each instance at the same moment
    // (beside their in-app dispatchers): they compete for every reminder.
    await database.client.query(`UPDATE "ReminderPreference" SET "emailEnabled" = true, "updatedAt" = now()`);
    const sweeps = await Promise.all(
      [a, b].map(async (instance) => {
        const response = await api.post(`${instance.url}/api/cron/reminders`, { headers: { authorization: `Bearer ${shared.CRON_SECRET}` } });
        expect(response.status()).toBe(200);
        return ((await response.json()) as { sent: number }).sent;
      }),
    );
    await expect.poll(() => smtp.messages.length, { timeout: 60_000 }).toBe(recipients.length);
    // Any sweep still running would show here as a second copy.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(smtp.messages).toHaveLength(recipients.length);
    expect(smtp.messages.map(recipientOf).sort()).toEqual([...recipients].sort());
    const { rows } = await database.client.query<{ status: string; attempts: number; rows: number }>(
      `SELECT "status", "attempts", count(*)::int AS "rows" FROM "ReminderDelivery" GROUP BY 1, 2`,
    );
    expect(rows).toEqual([{ status: "SENT", attempts: 1, rows: recipients.length }]);
    // Both instances really sent some: the exactly-once above held under competition.
    const sentBy = [a, b].map((instance, i) => sweeps[i]! + sentByDispatcher(instance));
    expect(sentBy.every((sent) => sent > 0)).toBe(true);
    test.info().annotations.push({ type: "reminders", description: `${recipients.length} sent once: ${sentBy[0]} by A, ${sentBy[1]} by B` });

    // The link names the instance that sent it; the other one honours it as well.
    const message = smtp.messages[0]!;
    const header = message.headerLines.find((line) => line.key === "list-unsubscribe")?.line ?? "";
    const link = new URL(/<([^>]+)>/.exec(header)?.[1] ?? "");
    const other = [a, b].find((instance) => new URL(instance.url).origin !== link.origin)!;
    const unsubscribed = await api.post(`${other.url}${link.pathname}`, { form: { "List-Unsubscribe": "One-Click" } });
    expect(unsubscribed.status()).toBe(200);
    expect(await unsubscribed.text()).toContain("Unsubscribed from check-in reminders.");
    const preference = await database.client.query<{ unsubscribed: boolean }>(
      `SELECT p."unsubscribedAt" IS NOT NULL AS unsubscribed FROM "ReminderPreference" p JOIN "User" u ON u."id" = p."userId" WHERE u."email" = $1`,
      [recipientOf(message)],
    );
    expect(preference.rows).toEqual([{ unsubscribed: true }]);
  });

  test("the sign-in throttle counts across both: of 30 simultaneous wrong passwords, split between them, five are checked", async () => {
    const guesses = Array.from({ length: 30 }, (_, i) => instances[i % 2]!);
    const csrfTokens = new Map<AppInstance, string>();
    for (const instance of instances) csrfTokens.set(instance, (await (await api.get(`${instance.url}/api/auth/csrf`)).json()).csrfToken);
    const errors = await Promise.all(guesses.map((instance) => signIn(api, instance, SKY.email, "a wrong guess", csrfTokens.get(instance))));

    const checked = errors.filter((error) => error === WRONG).length;
    const paused = errors.filter((error) => error !== null && PAUSED.test(error)).length;
    test.info().annotations.push({ type: "throttle", description: `${checked} of 30 checked against a limit of 5, ${paused} refused` });
    expect(checked).toBe(5);
    expect(paused).toBe(25);
    // The owner's own password from the same address is refused too until the window ends: the count is one.
    expect(await signIn(api, instances[1]!, SKY.email, SKY.password)).toMatch(PAUSED);
  });
});

/** Signs in through next-auth's own endpoint, as the sign-in form does; the error shown, or null when signed in. */
async function signIn(api: APIRequestContext, instance: AppInstance, email: string, password: string, token?: string): Promise<string | null> {
  const csrfToken = token ?? (await (await api.get(`${instance.url}/api/auth/csrf`)).json()).csrfToken;
  const response = await api.post(`${instance.url}/api/auth/callback/credentials`, { form: { csrfToken, email, password, json: "true" } });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

async function sessionCookie(api: APIRequestContext): Promise<string> {
  const { cookies } = await api.storageState();
  const session = cookies.find((cookie) => cookie.name === "next-auth.session-token");
  if (!session) throw new Error("No session cookie after signing in.");
  return `${session.name}=${session.value}`;
}

/** What an instance's in-app dispatcher reports sending (it logs each sweep that sent anything). */
function sentByDispatcher(instance: AppInstance): number {
  return [...instance.output().matchAll(/Reminder sweep: .*?\bsent (\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);
}

function recipientOf(message: ParsedMail): string {
  const to = Array.isArray(message.to) ? message.to[0] : message.to;
  return to?.value[0]?.address ?? "";
}
