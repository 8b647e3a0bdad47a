/**
 * Sessions that really end (issue 9, part 2). Every request here goes through the real session
 * check: a real next-auth token in the cookie, decrypted by next-auth, and its session row read
 * with its user. A token copied before the session ended is then tried at every kind of entry
 * point: a page, a server action, a route handler and next-auth's own /api/auth/session.
 */
import { getServerSession } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { changePasswordAction, endSessionAction, neutralTabTitleAction, signOutEverywhereAction } from "@/app/account/actions";
import AccountPage from "@/app/account/page";
import { GET as exportRoute } from "@/app/api/export/route";
import { POST as signOutRoute } from "@/app/api/sign-out/route";
import { createNoteAction } from "@/app/notes/actions";
import NotesPage from "@/app/notes/page";
import { generateMetadata } from "@/app/layout";
import { IDLE } from "@/lib/actions/form-state";
import { authOptions } from "@/lib/auth/options";
import { verifyPassword } from "@/lib/auth/password";
import { getCurrentUser } from "@/lib/auth/session";
import { SESSION_POLICY, checkSession, endSessions } from "@/lib/auth/sessions";
import { formatWhen } from "@/lib/check-ins/conversations";
import { NEUTRAL_TAB_TITLE } from "@/lib/content/neutral-title";
import { SESSION_COOKIE, TEST_AUTH_SECRET, mintSessionToken, sessionCookie, setSessionCookie, signInAs, signOut } from "../support/browser";
import { setUpEdgeTestDb } from "../support/edge-test-db";
import { formData } from "../support/forms";
import { outcomeOf } from "../support/next-control-flow";
import { cheapPasswordHash, createUser, type TestUser } from "../support/users";

vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();
const ORIGIN = "http://127.0.0.1:3000";

beforeEach(() => signOut());

const sessionsOf = (user: TestUser) => t.db.userSession.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });

function signOutRequest(headers: Record<string, string> = { origin: ORIGIN, "sec-fetch-site": "same-origin" }) {
  return new Request(`${ORIGIN}/api/sign-out`, { method: "POST", headers: { host: "127.0.0.1:3000", ...headers } });
}

/**
 * What next-auth's GET /api/auth/session answers, as the browser's cookie jar stands. The route
 * (app/api/auth/[...nextauth]) reads its cookies with a CommonJS require of next/headers, which
 * the test browser cannot stand in for; getServerSession's request-and-response form runs the
 * same "session" action with the same options, and hands back the body and the cookies it sets.
 */
async function nextAuthSession(): Promise<{ body: unknown; setCookie: string }> {
  const setCookies: string[] = [];
  const response = {
    getHeader: () => setCookies,
    setHeader: (_name: string, value: string[]) => setCookies.splice(0, setCookies.length, ...value),
  };
  const cookie = sessionCookie();
  const request = { headers: { host: "127.0.0.1:3000" }, cookies: cookie ? { [SESSION_COOKIE]: cookie } : {} };
  const body = await getServerSession(request as never, response as never, { ...authOptions, secret: TEST_AUTH_SECRET });
  return { body: body ?? {}, setCookie: setCookies.join("\n") };
}

/** What a copied token gets from one entry point of each kind. */
async function everyEntryPointWith(token: string) {
  setSessionCookie(token);
  const page = await outcomeOf(() => NotesPage({ searchParams: Promise.resolve({}) }));
  setSessionCookie(token);
  const action = await outcomeOf(() => createNoteAction(IDLE, formData({ title: "Written with a stolen token", body: "" })));
  setSessionCookie(token);
  const route = (await exportRoute(new Request(`${ORIGIN}/api/export`), {})).status;
  setSessionCookie(token);
  const session = await nextAuthSession();
  return { page, action, route, session };
}

const REFUSED_EVERYWHERE = {
  page: { kind: "redirect", url: "/sign-in" },
  action: { kind: "redirect", url: "/sign-in" },
  route: 401,
  session: { body: {}, setCookie: expect.stringMatching(/next-auth\.session-token=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i) },
};

describe("a live session", () => {
  it("is accepted at every entry point, and /api/auth/session names its user", async () => {
    const user = await createUser(t.db, "Dana");
    const { sessionId, token } = await signInAs(user);
    expect(await getCurrentUser()).toMatchObject({ id: user.id, email: user.email, sessionId });

    const seen = await everyEntryPointWith(token);
    expect(seen.page.kind).toBe("returned");
    expect(seen.action).toMatchObject({ kind: "redirect", url: expect.stringMatching(/^\/notes\/[0-9a-f-]{36}\?saved=1$/) });
    expect(seen.route).toBe(200);
    expect(seen.session.body).toMatchObject({ user: { name: "Dana", email: user.email } });
  });

  it("costs one database statement per request while it is fresh (the session and its user, joined)", async () => {
    const user = await createUser(t.db, "Dana");
    await signInAs(user);
    // The first read also fetches the user's data key, which is then cached (decision 022).
    expect(await getCurrentUser()).toMatchObject({ displayName: "Dana" });
    t.queries.count = 0;
    expect(await getCurrentUser()).toMatchObject({ displayName: "Dana" });
    expect(t.queries.count).toBe(1);
  });

  it("moves lastSeenAt on only once it is a few minutes old, not on every request", async () => {
    const user = await createUser(t.db, "Dana");
    const { sessionId } = await signInAs(user);
    const [session] = await sessionsOf(user);
    const claims = { uid: user.id, sid: sessionId };
    const soon = new Date(session!.lastSeenAt.getTime() + SESSION_POLICY.touchEveryMs - 1_000);
    expect(await checkSession(t.db, claims, soon)).not.toBeNull();
    expect((await sessionsOf(user))[0]!.lastSeenAt).toEqual(session!.lastSeenAt);

    const later = new Date(session!.lastSeenAt.getTime() + SESSION_POLICY.touchEveryMs);
    t.queries.count = 0;
    expect(await checkSession(t.db, claims, later)).not.toBeNull();
    expect(t.queries.count).toBe(2);
    expect((await sessionsOf(user))[0]!.lastSeenAt).toEqual(later);
  });
});

describe("a session ends", () => {
  it("on sign-out: a copy of the token taken before is refused by pages, actions, routes and /api/auth/session", async () => {
    const user = await createUser(t.db, "Dana");
    const { token } = await signInAs(user);
    const notesBefore = await t.db.note.count({ where: { authorId: user.id } });

    const response = await signOutRoute(signOutRequest());
    expect(response.status).toBe(204);
    expect(sessionCookie()).toBeUndefined();
    expect(await sessionsOf(user)).toEqual([]);

    expect(await everyEntryPointWith(token)).toEqual(REFUSED_EVERYWHERE);
    expect(await t.db.note.count({ where: { authorId: user.id } })).toBe(notesBefore);
  });

  it("after the idle limit, even though the token itself has not expired", async () => {
    const user = await createUser(t.db, "Dana");
    const { sessionId, token } = await signInAs(user);
    const idle = new Date(Date.now() - SESSION_POLICY.idleMs - 1_000);
    await t.db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: idle } });
    expect(await everyEntryPointWith(token)).toEqual(REFUSED_EVERYWHERE);
  });

  it("at the end of its lifetime, however recently it was used", async () => {
    const user = await createUser(t.db, "Dana");
    const { sessionId, token } = await signInAs(user);
    const old = new Date(Date.now() - SESSION_POLICY.lifetimeMs - 1_000);
    await t.db.userSession.update({ where: { id: sessionId }, data: { createdAt: old, lastSeenAt: new Date() } });
    expect(await everyEntryPointWith(token)).toEqual(REFUSED_EVERYWHERE);
  });

  it("when the account is deleted", async () => {
    const user = await createUser(t.db, "Dana");
    const { token } = await signInAs(user);
    await t.db.user.delete({ where: { id: user.id } });
    expect(await everyEntryPointWith(token)).toEqual(REFUSED_EVERYWHERE);
  });

  it("for everyone with a token made with another secret, or naming another user's session", async () => {
    const user = await createUser(t.db, "Dana");
    const other = await createUser(t.db, "Eli");
    const { sessionId } = await signInAs(user);
    const forged = await mintSessionToken(user, sessionId, "a-secret-that-is-not-the-servers-0123456789");
    setSessionCookie(forged);
    expect(await getCurrentUser()).toBeNull();
    setSessionCookie(await mintSessionToken(other, sessionId));
    expect(await getCurrentUser()).toBeNull();
  });
});

describe("the sign-out endpoint", () => {
  it("refuses a request from another site and leaves the session alive", async () => {
    const user = await createUser(t.db, "Dana");
    await signInAs(user);
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example" },
      { "sec-fetch-site": "same-site", origin: ORIGIN },
      {},
    ];
    for (const headers of crossSite) {
      expect((await signOutRoute(signOutRequest(headers))).status).toBe(403);
    }
    expect(await sessionsOf(user)).toHaveLength(1);
    expect(await getCurrentUser()).not.toBeNull();
  });

  it("answers a signed-out browser the same way, ending nothing", async () => {
    const user = await createUser(t.db, "Dana");
    await signInAs(user);
    signOut();
    expect((await signOutRoute(signOutRequest())).status).toBe(204);
    expect(await sessionsOf(user)).toHaveLength(1);
  });
});

describe("the Account page's sessions", () => {
  it("lists this account's devices only, with this one marked", async () => {
    const user = await createUser(t.db, "Dana");
    const stranger = await createUser(t.db, "Stranger");
    await signInAs(stranger, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1");
    await signInAs(user, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0");
    await signInAs(user);
    const { renderToStaticMarkup } = await import("react-dom/server");
    const html = renderToStaticMarkup(await AccountPage());
    expect(html).toContain("Firefox on Windows");
    expect(html).toContain("Chrome on Linux");
    expect(html).not.toContain("iOS");
    expect(html.match(/This device/g)).toHaveLength(1);
    expect(html).toContain("Sign out: Firefox on Windows");
  });

  it("shows when each device signed in and was last used in my own zone, named, not my partner's", async () => {
    const user = await createUser(t.db, "Dana");
    const partner = await createUser(t.db, "Robin");
    await t.db.couple.create({ data: { members: { create: [{ userId: user.id }, { userId: partner.id }] } } });
    // Kolkata is 5 hours 30 minutes from UTC and New York at least 4: no time reads the same in two of them.
    await t.db.user.update({ where: { id: user.id }, data: { timeZone: "Asia/Kolkata" } });
    await t.db.user.update({ where: { id: partner.id }, data: { timeZone: "America/New_York" } });
    await signInAs(user);
    const [session] = await sessionsOf(user);
    const { renderToStaticMarkup } = await import("react-dom/server");
    const html = renderToStaticMarkup(await AccountPage());
    expect(html).toContain(`Signed in <time dateTime="${session!.createdAt.toISOString()}">${formatWhen(session!.createdAt, "Asia/Kolkata")}</time>`);
    expect(html).toContain(`last used <time dateTime="${session!.lastSeenAt.toISOString()}">${formatWhen(session!.lastSeenAt, "Asia/Kolkata")}</time>`);
    expect(formatWhen(session!.createdAt, "Asia/Kolkata")).toMatch(/, Asia\/Kolkata$/);
    for (const zone of ["America/New_York", "UTC"]) expect(html).not.toContain(formatWhen(session!.createdAt, zone));
  });

  it("names UTC for the session times until my zone is known", async () => {
    const user = await createUser(t.db, "Dana");
    await signInAs(user);
    const [session] = await sessionsOf(user);
    const { renderToStaticMarkup } = await import("react-dom/server");
    const html = renderToStaticMarkup(await AccountPage());
    expect(html).toContain(`Signed in <time dateTime="${session!.createdAt.toISOString()}">${formatWhen(session!.createdAt, "UTC")}</time>`);
    expect(formatWhen(session!.createdAt, "UTC")).toMatch(/, UTC$/);
  });

  it("ends another of my sessions, and only that one", async () => {
    const user = await createUser(t.db, "Dana");
    const { sessionId: phone, token: phoneToken } = await signInAs(user);
    const { sessionId: laptop } = await signInAs(user);
    const state = await endSessionAction(IDLE, formData({ sessionId: phone }));
    expect(state).toEqual({ status: "ok", message: "That device is signed out." });
    expect((await sessionsOf(user)).map((s) => s.id)).toEqual([laptop]);
    expect(await getCurrentUser()).toMatchObject({ sessionId: laptop });
    expect(await everyEntryPointWith(phoneToken)).toEqual(REFUSED_EVERYWHERE);
  });

  it("ending this device's own session signs it out", async () => {
    const user = await createUser(t.db, "Dana");
    const { sessionId } = await signInAs(user);
    expect(await outcomeOf(() => endSessionAction(IDLE, formData({ sessionId })))).toEqual({ kind: "redirect", url: "/sign-in?signedOut=1" });
    expect(sessionCookie()).toBeUndefined();
    expect(await sessionsOf(user)).toEqual([]);
  });

  it("the partner, a stranger and a signed-out visitor cannot end someone's session, and learn nothing about it", async () => {
    const user = await createUser(t.db, "Dana");
    const other = await createUser(t.db, "Eli");
    const { sessionId } = await signInAs(user);
    await signInAs(other);
    const refused = await endSessionAction(IDLE, formData({ sessionId }));
    const missing = await endSessionAction(IDLE, formData({ sessionId: "00000000-0000-4000-8000-000000000000" }));
    expect(refused).toMatchObject({ status: "error", message: "That session has already ended." });
    expect(refused).toEqual(missing);
    signOut();
    expect(await outcomeOf(() => endSessionAction(IDLE, formData({ sessionId })))).toEqual({ kind: "redirect", url: "/sign-in" });
    expect(await sessionsOf(user)).toHaveLength(1);
  });

  it("answers a session id that is not an id with the same message, ending nothing", async () => {
    const user = await createUser(t.db, "Dana");
    await signInAs(user);
    expect(await endSessionAction(IDLE, formData({ sessionId: "1 OR 1=1" }))).toMatchObject({ status: "error", fieldErrors: { sessionId: ["That session has already ended."] } });
    expect(await sessionsOf(user)).toHaveLength(1);
  });

  it("sign out everywhere ends every session of mine, this one too, and no one else's", async () => {
    const user = await createUser(t.db, "Dana");
    const partner = await createUser(t.db, "Eli");
    const { token: partnersToken } = await signInAs(partner);
    const { token: elsewhere } = await signInAs(user);
    const { token: here } = await signInAs(user);
    expect(await outcomeOf(() => signOutEverywhereAction(IDLE, formData({})))).toEqual({ kind: "redirect", url: "/sign-in?signedOut=1" });
    expect(sessionCookie()).toBeUndefined();
    expect(await everyEntryPointWith(elsewhere)).toEqual(REFUSED_EVERYWHERE);
    expect(await everyEntryPointWith(here)).toEqual(REFUSED_EVERYWHERE);
    setSessionCookie(partnersToken);
    expect(await getCurrentUser()).toMatchObject({ id: partner.id });
  });

  it("endSessions can keep one session, for a password change or reset", async () => {
    const user = await createUser(t.db, "Dana");
    await signInAs(user);
    const { sessionId: kept } = await signInAs(user);
    expect(await endSessions(t.db, user.id, { except: kept })).toBe(1);
    expect((await sessionsOf(user)).map((s) => s.id)).toEqual([kept]);
  });
});

describe("changing the password", () => {
  async function userWithPassword(password: string) {
    const user = await createUser(t.db, "Dana");
    await t.db.user.update({ where: { id: user.id }, data: { passwordHash: await cheapPasswordHash(password) } });
    return user;
  }
  const passwordHashOf = async (user: TestUser) => (await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;

  it("with the current password, changes it and ends every other session; this one stays", async () => {
    const user = await userWithPassword("the old passphrase");
    const { token: elsewhere } = await signInAs(user);
    const { sessionId: here } = await signInAs(user);
    const state = await changePasswordAction(
      IDLE,
      formData({ currentPassword: "the old passphrase", newPassword: "a brand new passphrase", repeatPassword: "a brand new passphrase" }),
    );
    expect(state).toMatchObject({ status: "ok" });
    expect(await verifyPassword(await passwordHashOf(user), "a brand new passphrase")).toBe(true);
    expect((await sessionsOf(user)).map((s) => s.id)).toEqual([here]);
    expect(await getCurrentUser()).toMatchObject({ sessionId: here });
    expect(await everyEntryPointWith(elsewhere)).toEqual(REFUSED_EVERYWHERE);
  });

  it("refuses a wrong current password, a short new one and two that differ, changing nothing", async () => {
    const user = await userWithPassword("the old passphrase");
    await signInAs(user);
    await signInAs(user);
    const hash = await passwordHashOf(user);
    const wrong = await changePasswordAction(IDLE, formData({ currentPassword: "not it at all", newPassword: "a brand new passphrase", repeatPassword: "a brand new passphrase" }));
    expect(wrong).toMatchObject({ status: "error", message: "That is not your current password, so nothing was changed." });
    const short = await changePasswordAction(IDLE, formData({ currentPassword: "the old passphrase", newPassword: "short", repeatPassword: "short" }));
    expect(short).toMatchObject({ status: "error", fieldErrors: { newPassword: ["Use at least 10 characters."] } });
    const differ = await changePasswordAction(IDLE, formData({ currentPassword: "the old passphrase", newPassword: "a brand new passphrase", repeatPassword: "a brand new passphrasf" }));
    expect(differ).toMatchObject({ status: "error", fieldErrors: { repeatPassword: ["The two new passwords differ. Type the same one twice."] } });
    expect(await passwordHashOf(user)).toBe(hash);
    expect(await sessionsOf(user)).toHaveLength(2);
  });

  it("a signed-out visitor is sent to sign in, and nothing changes", async () => {
    const user = await userWithPassword("the old passphrase");
    const hash = await passwordHashOf(user);
    const outcome = await outcomeOf(() =>
      changePasswordAction(IDLE, formData({ currentPassword: "the old passphrase", newPassword: "a brand new passphrase", repeatPassword: "a brand new passphrase" })),
    );
    expect(outcome).toEqual({ kind: "redirect", url: "/sign-in" });
    expect(await passwordHashOf(user)).toBe(hash);
  });
});

describe("a neutral tab title", () => {
  const titleOf = async () => (await generateMetadata()).title;

  it("is off at first, and once on titles every page with the one neutral word, for this user only", async () => {
    const user = await createUser(t.db, "Dana");
    const other = await createUser(t.db, "Eli");
    await signInAs(user);
    expect(await titleOf()).toEqual({ default: "Common Ground", template: "%s · Common Ground" });
    expect(await neutralTabTitleAction(IDLE, formData({ neutral: "on" }))).toMatchObject({ status: "ok" });
    expect(await titleOf()).toEqual({ default: NEUTRAL_TAB_TITLE, template: NEUTRAL_TAB_TITLE });
    await signInAs(other);
    expect(await titleOf()).toEqual({ default: "Common Ground", template: "%s · Common Ground" });
    await signInAs(user);
    expect(await neutralTabTitleAction(IDLE, formData({}))).toMatchObject({ status: "ok" });
    expect(await titleOf()).toEqual({ default: "Common Ground", template: "%s · Common Ground" });
  });

  it("refuses a value other than on, and a signed-out visitor is sent to sign in", async () => {
    const user = await createUser(t.db, "Dana");
    await signInAs(user);
    expect(await neutralTabTitleAction(IDLE, formData({ neutral: "yes please" }))).toMatchObject({ status: "error" });
    signOut();
    expect(await outcomeOf(() => neutralTabTitleAction(IDLE, formData({ neutral: "on" })))).toEqual({ kind: "redirect", url: "/sign-in" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).neutralTabTitle).toBe(false);
  });
});
