/**
 * Access matrix, notices (decision 032): a notice is its recipient's alone. For the recipient,
 * their partner, a stranger and a signed-out visitor: who reads it through the data layer and
 * the pages it is shown on, and who can dismiss it through its server action.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { dismissNoticeAction } from "@/app/couple/actions";
import CouplePage from "@/app/couple/page";
import NotesPage from "@/app/notes/page";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { acceptInvite, createInvite, leaveCouple } from "@/lib/data/couples";
import { listMyNotices } from "@/lib/data/notices";
import { actionResult, pageResult, type Outcome } from "../../support/access-matrix";
import { signInAs, signOut } from "../../support/browser";
import { ACTORS, type Actor } from "../../support/consent-world";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { accessFor, createUser, type TestUser } from "../../support/users";

vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

/** The recipient ("author") holds a notice that their partner linked; a stranger is linked elsewhere. */
type NoticeWorld = Record<Exclude<Actor, "signed-out">, TestUser> & { noticeId: string };

async function buildNoticeWorld(): Promise<NoticeWorld> {
  const author = await createUser(t.db, "Sam");
  const partner = await createUser(t.db, "Alex");
  const stranger = await createUser(t.db, "Robin");
  await acceptInvite(accessFor(t.db, partner), (await createInvite(accessFor(t.db, author))).token);
  await acceptInvite(accessFor(t.db, await createUser(t.db, "Kim")), (await createInvite(accessFor(t.db, stranger))).token);
  const [notice] = await listMyNotices(accessFor(t.db, author));
  if (!notice) throw new Error("The inviter was not told that the partner linked.");
  return { author, partner, stranger, noticeId: notice.id };
}

async function actAs(world: NoticeWorld, actor: Actor): Promise<void> {
  signOut();
  if (actor !== "signed-out") await signInAs(world[actor]);
}

const dismiss = (noticeId: string) => {
  const form = new FormData();
  form.append("noticeId", noticeId);
  return actionResult(() => dismissNoticeAction(IDLE, form) as Promise<FormState>);
};
const undismissed = (noticeId: string) => t.db.notice.findUniqueOrThrow({ where: { id: noticeId }, select: { dismissedAt: true } });
const pages: Record<string, () => Promise<Outcome>> = {
  "/couple": () => pageResult(() => CouplePage({ searchParams: Promise.resolve({}) })),
  "/notes": () => pageResult(() => NotesPage({ searchParams: Promise.resolve({}) })),
};

let world: NoticeWorld;
beforeAll(async () => {
  world = await buildNoticeWorld();
});

describe.each(ACTORS)("%s", (actor) => {
  it(actor === "author" ? "reads their own notice through the data layer" : "cannot read the notice through the data layer", async () => {
    if (actor === "signed-out") return;
    const ids = (await listMyNotices(accessFor(t.db, world[actor]))).map((notice) => notice.id);
    expect(ids.includes(world.noticeId)).toBe(actor === "author");
  });

  it.each(Object.keys(pages))(actor === "author" ? "sees the notice on %s" : "does not see the notice on %s", async (path) => {
    await actAs(world, actor);
    const outcome = await pages[path]!();
    if (actor === "signed-out") return expect(outcome).toEqual({ kind: "sign-in" });
    expect(outcome.kind).toBe("shown");
    const text = outcome.kind === "shown" ? outcome.text : "";
    expect(text.includes(world.noticeId)).toBe(actor === "author");
    expect(text.includes("Alex accepted your invite")).toBe(actor === "author");
  });

  if (actor !== "author") {
    it("cannot dismiss the notice: answered as for a notice that does not exist, and it stays", async () => {
      await actAs(world, actor);
      const outcome = await dismiss(world.noticeId);
      expect(outcome.kind).toBe(actor === "signed-out" ? "sign-in" : "refused");
      expect(outcome).toEqual(await dismiss(randomUUID()));
      expect(await undismissed(world.noticeId)).toEqual({ dismissedAt: null });
    });
  }
});

describe("the recipient", () => {
  it("dismisses their notice, and it is shown no more", async () => {
    const own = await buildNoticeWorld();
    await actAs(own, "author");
    expect(await dismiss(own.noticeId)).toEqual({ kind: "done" });
    expect(await undismissed(own.noticeId)).toEqual({ dismissedAt: expect.any(Date) });
    const page = await pages["/couple"]!();
    expect(page.kind === "shown" && page.text.includes(own.noticeId)).toBe(false);
  });

  it("is refused a malformed id with a clear message, and nothing changes", async () => {
    await actAs(world, "author");
    expect(await dismiss("not-an-id")).toEqual({ kind: "refused", message: "Some fields need a second look." });
    expect(await undismissed(world.noticeId)).toEqual({ dismissedAt: null });
  });

  it("who stays when the partner leaves sees one neutral line on both pages; the leaver and a stranger see none", async () => {
    const own = await buildNoticeWorld();
    await leaveCouple(accessFor(t.db, own.partner));
    const line = "You are no longer linked with Alex. Your notes and drafts are untouched.";
    for (const who of ["author", "partner", "stranger"] as const) {
      await actAs(own, who);
      for (const path of Object.keys(pages)) {
        const page = await pages[path]!();
        expect(page.kind === "shown" && page.text.includes(line), `${who} on ${path}`).toBe(who === "author");
      }
    }
  });
});
