import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { ACCOUNTS_PER_NAME, CLAIMS_DIR, PEOPLE_PASSWORD, pooledEmail, type PersonName } from "./people";

export { expect };

/** The signed-in home page, where signing in lands by default. */
export const AT_HOME = /^https?:\/\/[^/]+\/$/;

export type Person = { page: Page; displayName: string; email: string; password: string };

type Fixtures = {
  /**
   * A brand-new account of that name, signed in, in its own browser context (its own cookies
   * and client address): one made before the run (e2e/support/people.ts), claimed by this test
   * alone, signed in through next-auth's credentials endpoint as the sign-in form does. Lands
   * on the private space, /notes.
   */
  signUp: (displayName: PersonName, options?: { timezoneId?: string }) => Promise<Person>;
  /**
   * Signs up through the forms, as a newcomer does on the embedded default: name and address,
   * the link from the development outbox, a password. Lands signed in on /welcome. For tests
   * about signing up and the mail it sends; others use signUp.
   */
  signUpThroughTheForms: (displayName: string) => Promise<Person>;
};

/** Every run starts on an empty database, but emails are unique anyway so a rerun never collides. */
export function uniqueEmail(label: string): string {
  return `${label.toLowerCase()}-${randomUUID()}@e2e.example`;
}

/**
 * An address of its own for each person, as the trusted proxy in front of the e2e server
 * (TRUST_PROXY=loopback, playwright.config.ts) would report it: per-address limits then count
 * people apart, as they would be in real use, instead of counting the whole suite as one.
 */
export function clientAddress(): string {
  const bytes = randomUUID().replace(/-/g, "");
  return `2001:db8:${bytes.slice(0, 4)}:${bytes.slice(4, 8)}::1`;
}

/** The first account of that name no test has taken yet; the claim is a folder, made atomically. */
function claimAccount(name: PersonName): string {
  mkdirSync(CLAIMS_DIR, { recursive: true });
  for (let index = 0; index < ACCOUNTS_PER_NAME; index += 1) {
    const email = pooledEmail(name, index);
    try {
      mkdirSync(path.join(CLAIMS_DIR, email));
      return email;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  throw new Error(`All ${ACCOUNTS_PER_NAME} accounts named ${name} are taken: raise ACCOUNTS_PER_NAME in e2e/support/people.ts.`);
}

export const test = base.extend<Fixtures>({
  signUp: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (displayName, options = {}) => {
      // A browser in a given time zone, where a test is about times (each reader's own zone, decision 038).
      const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress() }, ...options });
      contexts.push(context);
      return signInInContext(context, { displayName, email: claimAccount(displayName), password: PEOPLE_PASSWORD });
    });
    for (const context of contexts) await context.close();
  },
  signUpThroughTheForms: async ({ browser }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (displayName) => {
      const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
      contexts.push(context);
      const page = await context.newPage();
      const person = { page, displayName, email: uniqueEmail(displayName), password: "a long enough passphrase" };
      await page.goto("/sign-up");
      await page.getByLabel("Your name").fill(person.displayName);
      await page.getByLabel("Email", { exact: true }).fill(person.email);
      await page.getByRole("button", { name: "Create my account" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toBeVisible();
      await page.getByRole("link", { name: "development outbox" }).click();
      await followEmailedLink(page, "Finish creating your Common Ground account", "/sign-up/confirm/");
      await page.getByLabel("Password", { exact: true }).fill(person.password);
      await page.getByRole("button", { name: "Create my account" }).click();
      // A password hash, a sign-in (another hash) and three round trips: allow a busy machine time.
      await expect(page).toHaveURL(/\/welcome$/, { timeout: 30_000 });
      return person;
    });
    for (const context of contexts) await context.close();
  },
});

/**
 * Signs an existing account in within `context` (whose base URL is the app) through next-auth's
 * credentials endpoint, as the sign-in form does, and opens the private space, /notes.
 */
export async function signInInContext(context: BrowserContext, account: Omit<Person, "page">): Promise<Person> {
  const person = { page: await context.newPage(), ...account };
  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signedIn = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: person.email, password: person.password, json: "true" },
  });
  expect(signedIn.ok(), `signing in as ${person.email}`).toBe(true);
  await person.page.goto("/notes");
  await expect(person.page).toHaveURL(/\/notes$/);
  return person;
}

/**
 * Opens /outbox and follows the link to `path` in the newest email with that subject. Mail is
 * delivered just after the form that sent it answers, so the page is reloaded until it is there,
 * and, when an older email with the same subject is already in the outbox, until `count` are.
 */
export async function followEmailedLink(page: Page, subject: string, path: string, count = 1): Promise<void> {
  const links = page.getByRole("list", { name: `Links in: ${subject}` }).getByRole("link").filter({ hasText: path });
  await expect(async () => {
    if (!new URL(page.url()).pathname.startsWith("/outbox")) await page.goto("/outbox");
    else await page.reload();
    await expect(links.nth(count - 1)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  // The outbox lists the newest first.
  await links.first().click();
}

export type NoteFields = { title: string; body?: string; sessionDate?: string; workingOn?: string };

/** Writes a note through the new-note form; returns its id (from the page it lands on). */
export async function writeNote(page: Page, note: NoteFields): Promise<string> {
  await page.goto("/notes/new");
  await page.getByLabel("Title").fill(note.title);
  if (note.sessionDate) await page.getByLabel("Session date (optional)").fill(note.sessionDate);
  if (note.workingOn) await page.getByLabel("What I'm working on (optional)").fill(note.workingOn);
  if (note.body) await page.getByLabel("Note", { exact: true }).fill(note.body);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  const id = new URL(page.url()).pathname.split("/")[2];
  if (!id) throw new Error(`Saving a note landed on ${page.url()}, not on the note.`);
  return id;
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
