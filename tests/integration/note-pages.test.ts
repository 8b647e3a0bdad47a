import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import EditNotePage from "@/app/notes/[id]/edit/page";
import NotePage from "@/app/notes/[id]/page";
import NotesPage from "@/app/notes/page";
import { signInAs, signOut, useTestDb } from "../support/browser";
import { outcomeOf } from "../support/next-control-flow";
import { createTestDb, type TestDb } from "../support/test-db";
import { createUser, type TestUser } from "../support/users";

vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

let t: TestDb;
let author: TestUser;
let stranger: TestUser;
let noteId: string;
beforeAll(async () => {
  t = await createTestDb();
  useTestDb(t.db);
  author = await createUser(t.db, "Author");
  stranger = await createUser(t.db, "Stranger");
  const note = await t.db.note.create({
    data: {
      authorId: author.id,
      title: "What my father said",
      body: "A private paragraph.",
      workingOn: "Naming the feeling",
      sessionDate: new Date("2026-11-18T00:00:00.000Z"),
    },
  });
  noteId = note.id;
});
afterAll(() => t.close());

const pages = {
  "the note page": (id: string) => NotePage({ params: Promise.resolve({ id }), searchParams: Promise.resolve({}) }),
  "the edit page": (id: string) => EditNotePage({ params: Promise.resolve({ id }) }),
} satisfies Record<string, (id: string) => Promise<ReactElement>>;

describe.each(Object.entries(pages))("%s", (_name, page) => {
  it("shows the note to its author", async () => {
    await signInAs(author);
    const html = renderToStaticMarkup(await page(noteId));
    expect(html).toContain("What my father said");
    expect(html).toContain("A private paragraph.");
    expect(html).toContain("Naming the feeling");
  });

  it("is a plain not-found for another signed-in user who knows the id", async () => {
    await signInAs(stranger);
    expect(await outcomeOf(() => page(noteId))).toEqual({ kind: "not-found" });
  });

  it.each(["not-a-uuid", "00000000-0000-4000-8000-000000000000", `${"' OR 1=1 --"}`])("is not-found for the forged id %j", async (id) => {
    await signInAs(author);
    expect(await outcomeOf(() => page(id))).toEqual({ kind: "not-found" });
  });

  it("sends a signed-out visitor to sign in", async () => {
    signOut();
    expect(await outcomeOf(() => page(noteId))).toEqual({ kind: "redirect", url: "/sign-in" });
  });
});

it("the note page confirms a save only when told one happened", async () => {
  await signInAs(author);
  const saved = await NotePage({ params: Promise.resolve({ id: noteId }), searchParams: Promise.resolve({ saved: "1" }) });
  const plain = await NotePage({ params: Promise.resolve({ id: noteId }), searchParams: Promise.resolve({}) });
  expect(renderToStaticMarkup(saved)).toContain("Saved. Only you can see this note.");
  expect(renderToStaticMarkup(plain)).not.toContain("Saved.");
});

it("the edit page fills the form with the note's current values", async () => {
  await signInAs(author);
  const html = renderToStaticMarkup(await EditNotePage({ params: Promise.resolve({ id: noteId }) }));
  expect(html).toMatch(/name="title"[^>]*value="What my father said"|value="What my father said"[^>]*name="title"/);
  expect(html).toMatch(/value="2026-11-18"/);
  expect(html).toContain(`value="${noteId}"`);
});

describe("the list of notes", () => {
  const list = () => NotesPage({ searchParams: Promise.resolve({}) });

  it("shows the author their note", async () => {
    await signInAs(author);
    const html = renderToStaticMarkup(await list());
    expect(html).toContain("What my father said");
    expect(html).toContain(`/notes/${noteId}`);
  });

  it("shows another user an empty space, with no trace of the author's note", async () => {
    await signInAs(stranger);
    const html = renderToStaticMarkup(await list());
    expect(html).toContain("Nothing here yet");
    expect(html).not.toContain("What my father said");
    expect(html).not.toContain(noteId);
  });

  it("sends a signed-out visitor to sign in", async () => {
    signOut();
    expect(await outcomeOf(list)).toEqual({ kind: "redirect", url: "/sign-in" });
  });
});
