import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/export/route";
import { signInAs, signOut, useTestDb } from "../support/browser";
import { createTestDb, type TestDb } from "../support/test-db";
import { createUser, type TestUser } from "../support/users";

vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));

let t: TestDb;
let author: TestUser;
let stranger: TestUser;
beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
  author = await createUser(t.db, "Author");
  stranger = await createUser(t.db, "Stranger");
  await t.db.note.create({ data: { authorId: author.id, title: "Author's secret", body: "only mine" } });
  await t.db.note.create({ data: { authorId: stranger.id, title: "Stranger's own", body: "theirs" } });
});
afterAll(() => t.close());

const request = () => GET(new Request("http://127.0.0.1:3000/api/export"), {});

describe("GET /api/export", () => {
  it("downloads the signed-in user's own account and notes, never cached", async () => {
    await signInAs(author);
    const response = await request();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.json"$/);
    const body = await response.json();
    expect(body.account).toMatchObject({ email: author.email, displayName: "Author" });
    expect(body.notes.map((note: { title: string }) => note.title)).toEqual(["Author's secret"]);
  });

  it("gives another user only their own data", async () => {
    await signInAs(stranger);
    const text = await (await request()).text();
    expect(text).toContain("Stranger's own");
    expect(text).not.toContain("Author's secret");
    expect(text).not.toContain(author.email);
    expect(text).not.toContain(author.id);
  });

  it("answers a signed-out request with 401 and no data", async () => {
    signOut();
    const response = await request();
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Sign in first." });
  });
});
