/**
 * POST /api/drafts (decision 036): the form's autosave and its beacon as the page goes. Every
 * refusal is a 4xx with words and keeps nothing; Quick exit's `?then=sign-out` ends the
 * session after the draft, whatever became of the draft.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/drafts/route";
import { getCurrentUser } from "@/lib/auth/session";
import { getDraft } from "@/lib/data/drafts";
import { createNote } from "@/lib/data/notes";
import { RATE_LIMITS, rateLimitKey } from "@/lib/limits/rate-limits";
import { signInAs, signOut, useTestDb } from "../support/browser";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser, type TestUser } from "../support/users";

vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));

const ORIGIN = "http://127.0.0.1:3000";
const SAME_ORIGIN = { host: "127.0.0.1:3000", origin: ORIGIN, "sec-fetch-site": "same-origin" };

let t: TestDb;
let author: TestUser;
let partner: TestUser;
beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
  author = await createUser(t.db, "Sam");
  partner = await createUser(t.db, "Alex");
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.draft.deleteMany({});
  await t.db.rateLimit.deleteMany({});
  signOut();
});

const draft = (fields: Record<string, unknown> = { title: "After Tuesday", body: "I keep thinking about it" }, target = "note:new") => JSON.stringify({ target, fields });

function post(body: BodyInit, options: { headers?: Record<string, string>; query?: string } = {}) {
  return POST(new Request(`${ORIGIN}/api/drafts${options.query ?? ""}`, { method: "POST", headers: options.headers ?? SAME_ORIGIN, body }));
}

async function refusal(response: Response) {
  return { status: response.status, error: ((await response.json()) as { error: string }).error };
}

const draftsKept = () => t.db.draft.count();

describe("POST /api/drafts", () => {
  it("keeps the signed-in person's draft and answers when, never cached", async () => {
    await signInAs(author);
    const response = await post(draft());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { savedAt } = (await response.json()) as { savedAt: string };
    const kept = await getDraft(accessFor(t.db, author), { kind: "new-note" });
    expect(kept).toMatchObject({ form: "note", fields: { title: "After Tuesday", body: "I keep thinking about it", workingOn: "", sessionDate: "" } });
    expect(kept?.savedAt.toISOString()).toBe(savedAt);
  });

  it("takes a beacon's text/plain body as well as JSON", async () => {
    await signInAs(author);
    const response = await post(new Blob([draft()], { type: "text/plain;charset=UTF-8" }));
    expect(response.status).toBe(200);
    expect(await draftsKept()).toBe(1);
  });

  it("refuses another site's request with 403", async () => {
    await signInAs(author);
    const crossSite: Record<string, string>[] = [{ host: "127.0.0.1:3000", origin: "https://evil.example", "sec-fetch-site": "cross-site" }, { host: "127.0.0.1:3000" }];
    for (const headers of crossSite) {
      expect(await refusal(await post(draft(), { headers }))).toEqual({ status: 403, error: "This request did not come from this site." });
    }
    expect(await draftsKept()).toBe(0);
  });

  it("answers a signed-out browser 401", async () => {
    expect(await refusal(await post(draft()))).toEqual({ status: 401, error: "Sign in first." });
    expect(await draftsKept()).toBe(0);
  });

  it.each([
    ["a body that is not JSON", "title=After", 400, "This draft could not be read: it is not JSON."],
    ["a form that is not one of the app's", draft({}, "plan:new"), 400, "That is not one of your forms."],
    ["a field the form does not have", draft({ title: "x", secret: "y" }), 400, "This draft has a field the form does not have."],
    ["a title over the form's limit", draft({ title: "x".repeat(201) }), 400, "The title is longer than the 200 characters the form takes."],
    ["a summary's fields for a note's form", draft({ depth: "BRIEF" }), 400, "This draft has a field the form does not have."],
  ])("refuses %s with a 4xx and words", async (_name, body, status, error) => {
    await signInAs(author);
    expect(await refusal(await post(body))).toEqual({ status, error });
    expect(await draftsKept()).toBe(0);
  });

  it("answers 404 for a form on someone else's note, exactly as for a note that does not exist", async () => {
    const note = await createNote(accessFor(t.db, author), { title: "Session", body: "What came up", workingOn: null, sessionDate: null });
    await signInAs(partner);
    const theirs = await refusal(await post(draft(undefined, `note:${note.id}`)));
    const missing = await refusal(await post(draft(undefined, "note:00000000-0000-4000-8000-000000000000")));
    expect(theirs).toEqual({ status: 404, error: "This form is not one of yours, so nothing was saved." });
    expect(missing).toEqual(theirs);
    expect(await draftsKept()).toBe(0);
  });

  it("refuses a body larger than any form can make with 413, unread", async () => {
    await signInAs(author);
    const response = await post(draft({ body: "x".repeat(300 * 1024) }));
    expect(response.status).toBe(413);
    expect(await draftsKept()).toBe(0);
  });

  it("answers 429 with Retry-After once a person's autosaves run past the limit", async () => {
    await signInAs(author);
    const { points, duration } = RATE_LIMITS["draft-save"];
    await t.db.rateLimit.create({ data: { key: `draft-save:${rateLimitKey(author.id)}`, points, expire: new Date(Date.now() + duration * 1000) } });
    const response = await post(draft());
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await response.json()) as { error: string }).error).toMatch(/^Drafts are kept at most 300 times in 5 minutes\. Try again in \d+ (seconds|minutes?)\.$/);
    expect(await draftsKept()).toBe(0);
  });
});

describe("Quick exit: POST /api/drafts?then=sign-out", () => {
  it("keeps the draft, then ends the session", async () => {
    const { sessionId } = await signInAs(author);
    expect((await post(draft(), { query: "?then=sign-out" })).status).toBe(200);
    expect(await getDraft(accessFor(t.db, author), { kind: "new-note" })).not.toBeNull();
    expect(await getCurrentUser()).toBeNull();
    expect(await t.db.userSession.findUnique({ where: { id: sessionId } })).toBeNull();
  });

  it("ends the session even when the draft is refused", async () => {
    await signInAs(author);
    expect((await post("not json", { query: "?then=sign-out" })).status).toBe(400);
    expect(await getCurrentUser()).toBeNull();
  });

  it("ends nothing for another site's request", async () => {
    await signInAs(author);
    const headers = { host: "127.0.0.1:3000", origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    expect((await post(draft(), { headers, query: "?then=sign-out" })).status).toBe(403);
    expect(await getCurrentUser()).not.toBeNull();
  });
});
