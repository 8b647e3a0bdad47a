/**
 * Consent rules C1-C4 (shared/SPEC.md): sharing is explicit and per item, only the author
 * grants or withdraws, withdrawal reaches every partner-facing surface at once, and the
 * partner reads a snapshot.
 */
import { describe, expect, it, vi } from "vitest";
import PlanPage from "@/app/plan/page";
import SharedPage from "@/app/shared/page";
import SummaryPage from "@/app/summaries/[id]/page";
import { leaveCoupleAction } from "@/app/couple/actions";
import { shareSummaryAction, unshareSummaryAction } from "@/app/summaries/actions";
import { IDLE } from "@/lib/actions/form-state";
import { WITHDRAWAL_NOTICE } from "@/lib/content/guidance";
import { listMyConsentHistory, listSharedItems, unshareSummary } from "@/lib/data/consent";
import { acceptInvite, createInvite, leaveCouple } from "@/lib/data/couples";
import { createNote, updateNote } from "@/lib/data/notes";
import { addSharedItemToPlan, getPlan, removeFromPlan } from "@/lib/data/plan";
import { createSummary, deleteSummary, getSummary, listSummaries, updateSummary } from "@/lib/data/summaries";
import type { SummaryInput } from "@/lib/validation/summary";
import { pageResult } from "../../support/access-matrix";
import { buildWorld, footprint, type World } from "../../support/consent-world";
import { signInAs } from "../../support/browser";
import { outcomeOf } from "../../support/next-control-flow";
import { allTextReachableBy, everythingReachableBy } from "../../support/reachable";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { accessFor, createUser } from "../../support/users";
import { postedDepthFor, shareAsPreviewed, UNPREVIEWED_BRIEF } from "../../support/share";

vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

const asAuthor = (world: World) => accessFor(t.db, world.author);
const asPartner = (world: World) => accessFor(t.db, world.partner);
const reflection = (summaryId: string, depth: SummaryInput["depth"] = "BRIEF") => ({
  summaryId,
  ownChoice: "yes" as const,
  aboutMe: "yes" as const,
  depth,
  reflectionNote: null,
});
const summary = (title: string, body = `About ${title}`): SummaryInput => ({
  title,
  body,
  depth: "BRIEF",
  framing: "CONTENT_ONLY",
  whyReasons: [],
  whyText: null,
  responseWish: null,
  noteId: null,
});
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
};
const titlesSeenBy = async (world: World, who: "author" | "partner") =>
  (await listSharedItems(accessFor(t.db, world[who]))).map((item) => item.title);

describe("C1: content reaches the partner only through an explicit share of that one item", () => {
  it("writing and editing notes and summaries shares nothing", async () => {
    const world = await buildWorld(t.db, "draft summary");
    const before = await everythingReachableBy(t.db, world.partner);
    const note = await createNote(asAuthor(world), { title: "Another session", body: "Private", workingOn: null, sessionDate: null });
    await updateNote(asAuthor(world), note.id, { title: "Another session, edited", body: "Still private", workingOn: "Trust", sessionDate: null });
    const { id } = await createSummary(asAuthor(world), { ...summary("Maybe one day"), noteId: note.id });
    await updateSummary(asAuthor(world), id, summary("Maybe one day, reworded"));
    expect(await everythingReachableBy(t.db, world.partner)).toEqual(before);
    expect(await t.db.shareConsent.count({ where: { authorId: world.author.id } })).toBe(0);
  });

  it("linking a couple shares nothing either partner wrote before", async () => {
    const world = await buildWorld(t.db, "draft summary");
    const newcomer = await createUser(t.db, "Newcomer");
    await createSummary(accessFor(t.db, newcomer), summary("Written before linking"));
    await leaveCouple(asAuthor(world));
    const invite = await createInvite(asAuthor(world));
    await acceptInvite(accessFor(t.db, newcomer), invite.token);
    expect(await titlesSeenBy({ ...world, partner: newcomer }, "partner")).toEqual([]);
    expect(await listSharedItems(asAuthor(world))).toEqual([]);
    expect(await allTextReachableBy(t.db, newcomer)).not.toContain(world.secrets.draftTitle);
  });

  it("sharing one summary leaves the author's other summaries private", async () => {
    const world = await buildWorld(t.db, "private note");
    const ids = [];
    for (const title of ["First thought", "Second thought", "Third thought"]) ids.push((await createSummary(asAuthor(world), summary(title))).id);
    await shareAsPreviewed(asAuthor(world), reflection(ids[1]!));
    expect(await titlesSeenBy(world, "partner")).toEqual(["Second thought"]);
    const reachable = await allTextReachableBy(t.db, world.partner);
    expect(reachable).toContain("Second thought");
    expect(reachable).not.toContain("First thought");
    expect(reachable).not.toContain("Third thought");
  });

  it("a summary written after a share stays private: a share never covers future items", async () => {
    const world = await buildWorld(t.db, "shared summary");
    await createSummary(asAuthor(world), summary("Written afterwards"));
    expect(await titlesSeenBy(world, "partner")).toEqual([world.draft.title]);
  });

  it("there is no share-all: a form posting several summaries at once shares none of them", async () => {
    const world = await buildWorld(t.db, "private note");
    const first = (await createSummary(asAuthor(world), summary("One"))).id;
    const second = (await createSummary(asAuthor(world), summary("Two"))).id;
    await signInAs(world.author);
    const before = await footprint(t.db, world);
    const outcome = await outcomeOf(() =>
      shareSummaryAction(IDLE, form({ summaryId: [first, second], ownChoice: "yes", aboutMe: "yes", depth: UNPREVIEWED_BRIEF })),
    );
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error" } });
    expect(await footprint(t.db, world)).toEqual(before);
    expect(await titlesSeenBy(world, "partner")).toEqual([]);
  });
});

describe("C2: only the author grants or withdraws consent", () => {
  const NOT_YOURS = "This summary does not exist, or it is not yours.";

  it("the partner cannot share the author's draft: not-found, and nothing changes", async () => {
    const world = await buildWorld(t.db, "draft summary");
    const before = await footprint(t.db, world);
    await expect(shareAsPreviewed(asPartner(world), reflection(world.summaryId!))).rejects.toThrow(NOT_YOURS);
    await signInAs(world.partner);
    const depth = await postedDepthFor(asAuthor(world), world.summaryId!, "BRIEF");
    const outcome = await outcomeOf(() => shareSummaryAction(IDLE, form({ summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth })));
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", message: NOT_YOURS } });
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("the partner cannot withdraw what the author shared: not-found, and it stays shared", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const before = await footprint(t.db, world);
    await expect(unshareSummary(asPartner(world), world.summaryId!)).rejects.toThrow(NOT_YOURS);
    await expect(deleteSummary(asPartner(world), world.summaryId!)).rejects.toThrow(NOT_YOURS);
    await signInAs(world.partner);
    const outcome = await outcomeOf(() => unshareSummaryAction(IDLE, form({ summaryId: world.summaryId! })));
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", message: NOT_YOURS } });
    expect(await footprint(t.db, world)).toEqual(before);
    expect(await titlesSeenBy(world, "partner")).toEqual([world.draft.title]);
  });

  it("the author taking their item off the plan does not unshare it: only unsharing does", async () => {
    const world = await buildWorld(t.db, "shared summary");
    await removeFromPlan(asAuthor(world), world.planItemId!);
    expect(await titlesSeenBy(world, "partner")).toEqual([world.draft.title]);
    expect((await getPlan(asAuthor(world))).sharedNotOnPlan.map((item) => item.title)).toEqual([world.draft.title]);
    expect((await getSummary(asAuthor(world), world.summaryId!))?.sharing).not.toBeNull();
  });

  it("the partner learns nothing of unshared items, not even how many there are", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const before = await everythingReachableBy(t.db, world.partner);
    for (const title of ["Unshared one", "Unshared two", "Unshared three"]) await createSummary(asAuthor(world), summary(title));
    expect(await everythingReachableBy(t.db, world.partner)).toEqual(before);
  });
});

describe("C3: the author can withdraw at any time, and the item leaves every partner-facing surface at once", () => {
  async function partnerSurfaces(world: World) {
    await signInAs(world.partner);
    const plan = await getPlan(asPartner(world));
    const shared = await pageResult(() => SharedPage());
    const planPage = await pageResult(() => PlanPage());
    return {
      sharedItems: await titlesSeenBy(world, "partner"),
      planItems: plan.items.map((item) => item.title),
      planSharedNotOnPlan: plan.sharedNotOnPlan.map((item) => item.title),
      sharedPageShowsIt: shared.kind === "shown" && shared.text.includes(world.draft.title),
      planPageShowsIt: planPage.kind === "shown" && planPage.text.includes(world.draft.title),
    };
  }

  it("unsharing removes the item from the shared view, the plan and both pages", async () => {
    const world = await buildWorld(t.db, "shared summary");
    expect(await partnerSurfaces(world)).toEqual({
      sharedItems: [world.draft.title],
      planItems: ["Weekend plans", world.draft.title],
      planSharedNotOnPlan: [],
      sharedPageShowsIt: true,
      planPageShowsIt: true,
    });
    await unshareSummary(asAuthor(world), world.summaryId!);
    expect(await partnerSurfaces(world)).toEqual({
      sharedItems: [],
      planItems: ["Weekend plans"],
      planSharedNotOnPlan: [],
      sharedPageShowsIt: false,
      planPageShowsIt: false,
    });
  });

  it("unsharing an item that is shared but not on the plan removes it from the plan's list of shared items too", async () => {
    const world = await buildWorld(t.db, "shared summary", { sharedOnPlan: false });
    // Only the author is offered their item to add (C11); the partner reads it on the shared view.
    expect((await getPlan(asAuthor(world))).sharedNotOnPlan.map((item) => item.title)).toEqual([world.draft.title]);
    expect((await listSharedItems(asPartner(world))).map((item) => item.title)).toEqual([world.draft.title]);
    await unshareSummary(asAuthor(world), world.summaryId!);
    expect((await getPlan(asAuthor(world))).sharedNotOnPlan).toEqual([]);
    expect(await listSharedItems(asPartner(world))).toEqual([]);
  });

  it("the author is told honestly that the partner may already have read it", async () => {
    const world = await buildWorld(t.db, "shared summary");
    await signInAs(world.author);
    const outcome = await outcomeOf(() => unshareSummaryAction(IDLE, form({ summaryId: world.summaryId! })));
    expect(outcome).toEqual({ kind: "redirect", url: `/summaries/${world.summaryId}?unshared=1` });
    const page = await pageResult(() =>
      SummaryPage({ params: Promise.resolve({ id: world.summaryId! }), searchParams: Promise.resolve({ unshared: "1" }) }),
    );
    expect(page.kind === "shown" && page.text).toContain(WITHDRAWAL_NOTICE.done);
    expect(WITHDRAWAL_NOTICE.done).toMatch(/may have read it/);
  });

  it("unsharing something that is not shared says so, and changes nothing", async () => {
    const world = await buildWorld(t.db, "withdrawn summary");
    const before = await footprint(t.db, world);
    const message = "This summary is not shared right now, so there is nothing to withdraw.";
    await expect(unshareSummary(asAuthor(world), world.summaryId!)).rejects.toThrow(message);
    await signInAs(world.author);
    expect(await outcomeOf(() => unshareSummaryAction(IDLE, form({ summaryId: world.summaryId! })))).toMatchObject({
      kind: "returned",
      value: { status: "error", message },
    });
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("leaving the couple withdraws every consent of both partners, with the cause recorded", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const { id } = await createSummary(asPartner(world), summary("The partner's own share"));
    await shareAsPreviewed(asPartner(world), reflection(id));
    await signInAs(world.author);
    expect(await outcomeOf(() => leaveCoupleAction(IDLE, form({ confirm: "leave" })))).toEqual({ kind: "redirect", url: "/couple?left=1" });

    const consents = await t.db.shareConsent.findMany({ where: { coupleId: world.coupleId }, select: { withdrawnAt: true, withdrawalCause: true } });
    expect(consents).toHaveLength(2);
    for (const consent of consents) {
      expect(consent.withdrawnAt).toBeInstanceOf(Date);
      expect(consent.withdrawalCause).toBe("COUPLE_ENDED");
    }
    expect(await t.db.planItem.count({ where: { coupleId: world.coupleId } })).toBe(0);
    for (const who of ["author", "partner"] as const) {
      expect(await titlesSeenBy(world, who)).toEqual([]);
      await expect(getPlan(accessFor(t.db, world[who]))).rejects.toThrow("You are not linked with a partner.");
    }
    // Each keeps their own notes and summaries.
    expect((await listSummaries(asAuthor(world))).map((s) => s.title)).toEqual([world.draft.title]);
    expect((await listSummaries(asPartner(world))).map((s) => s.title)).toEqual(["The partner's own share"]);
    expect(await t.db.note.count({ where: { authorId: world.author.id } })).toBe(1);
  });

  it("linking again later does not bring withdrawn items back", async () => {
    const world = await buildWorld(t.db, "after leaving the couple");
    const invite = await createInvite(asAuthor(world));
    await acceptInvite(asPartner(world), invite.token);
    expect(await titlesSeenBy(world, "partner")).toEqual([]);
    expect((await getPlan(asPartner(world))).items).toEqual([]);
  });

  it("leaving needs the confirmation box, and without it nothing changes", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const before = await footprint(t.db, world);
    await signInAs(world.partner);
    expect(await outcomeOf(() => leaveCoupleAction(IDLE, form({})))).toMatchObject({
      kind: "returned",
      value: { status: "error", fieldErrors: { confirm: ["Tick the box to confirm that you want to leave."] } },
    });
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("deleting a shared summary withdraws it first, and the history keeps the record", async () => {
    const world = await buildWorld(t.db, "shared summary");
    await deleteSummary(asAuthor(world), world.summaryId!);
    expect(await titlesSeenBy(world, "partner")).toEqual([]);
    expect((await getPlan(asPartner(world))).items.map((item) => item.title)).toEqual(["Weekend plans"]);
    expect(await listMyConsentHistory(asAuthor(world))).toEqual([
      expect.objectContaining({ sharedTitle: world.draft.title, summaryId: null, withdrawalCause: "SUMMARY_DELETED", withdrawnAt: expect.any(Date) }),
    ]);
  });
});

describe("C4: the partner reads the snapshot as it was shared", () => {
  it("edits to every field of a shared summary stay private until it is shared again", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const seenBefore = await listSharedItems(asPartner(world));
    const planBefore = await getPlan(asPartner(world));
    await updateSummary(asAuthor(world), world.summaryId!, {
      ...world.draft,
      title: "A new headline",
      body: "New private words",
      framing: "CONTENT_ONLY",
      whyReasons: ["BROACH_A_TOPIC"],
      whyText: "New reasons",
      responseWish: "YOUR_VIEW",
    });
    expect(await listSharedItems(asPartner(world))).toEqual(seenBefore);
    expect(await getPlan(asPartner(world))).toEqual(planBefore);
    const reachable = await allTextReachableBy(t.db, world.partner);
    expect(reachable).not.toContain("A new headline");
    expect(reachable).not.toContain("New private words");
    expect(reachable).not.toContain("New reasons");
  });

  it("sharing again creates a new consent, withdraws the old one as RESHARED, and keeps the item's place on the plan", async () => {
    const world = await buildWorld(t.db, "edited after sharing");
    const planBefore = await getPlan(asPartner(world));
    const outcome = await shareAsPreviewed(asAuthor(world), reflection(world.summaryId!));
    expect(outcome.outcome).toBe("reshared");
    expect(outcome.consentId).not.toBe(world.consentId);
    const old = await t.db.shareConsent.findUniqueOrThrow({ where: { id: world.consentId! } });
    // The replaced words are dropped for good (decision 022); the author's history keeps the title.
    expect(old).toMatchObject({ withdrawalCause: "RESHARED", withdrawnAt: expect.any(Date), sharedTitle: null, historyTitle: world.draft.title });
    const seen = await listSharedItems(asPartner(world));
    expect(seen.map((item) => [item.consentId, item.title])).toEqual([[outcome.consentId, expect.stringContaining(world.secrets.editedTitle!)]]);
    const plan = await getPlan(asPartner(world));
    expect(plan.items.map((item) => item.id)).toEqual(planBefore.items.map((item) => item.id));
    expect(plan.items[1]?.title).toContain(world.secrets.editedTitle!);
  });

  it("a double submit of the same share creates one consent", async () => {
    const world = await buildWorld(t.db, "draft summary");
    await signInAs(world.author);
    const depth = await postedDepthFor(asAuthor(world), world.summaryId!, "BRIEF");
    const fields = { summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth };
    const first = await outcomeOf(() => shareSummaryAction(IDLE, form(fields)));
    const second = await outcomeOf(() => shareSummaryAction(IDLE, form(fields)));
    expect(first).toEqual({ kind: "redirect", url: `/summaries/${world.summaryId}?shared=shared` });
    expect(second).toEqual({ kind: "redirect", url: `/summaries/${world.summaryId}?shared=unchanged` });
    expect(await t.db.shareConsent.count({ where: { summaryId: world.summaryId } })).toBe(1);
  });

  it("two identical shares submitted at the same moment create one consent", async () => {
    const world = await buildWorld(t.db, "draft summary");
    await signInAs(world.author);
    const depth = await postedDepthFor(asAuthor(world), world.summaryId!, "BRIEF");
    const fields = { summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth };
    await Promise.all([outcomeOf(() => shareSummaryAction(IDLE, form(fields))), outcomeOf(() => shareSummaryAction(IDLE, form(fields)))]);
    expect(await t.db.shareConsent.count({ where: { summaryId: world.summaryId } })).toBe(1);
  });

  it("a headline shares the title and not the body", async () => {
    const world = await buildWorld(t.db, "draft summary");
    await shareAsPreviewed(asAuthor(world), reflection(world.summaryId!, "HEADLINE"));
    expect(await listSharedItems(asPartner(world))).toEqual([expect.objectContaining({ title: world.draft.title, body: null, depth: "HEADLINE" })]);
    expect(await allTextReachableBy(t.db, world.partner)).not.toContain(world.secrets.draftBody);
  });

  it("choosing a different depth for the same words is a new consent", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const outcome = await shareAsPreviewed(asAuthor(world), reflection(world.summaryId!, "HEADLINE"));
    expect(outcome.outcome).toBe("reshared");
    expect((await listSharedItems(asPartner(world)))[0]?.body).toBeNull();
  });

  it("adding the same shared item to the plan twice adds it once", async () => {
    const world = await buildWorld(t.db, "shared summary", { sharedOnPlan: false });
    await addSharedItemToPlan(asAuthor(world), world.consentId!);
    await expect(addSharedItemToPlan(asAuthor(world), world.consentId!)).rejects.toThrow("This item is already on the plan.");
    expect(await t.db.planItem.count({ where: { consentId: world.consentId } })).toBe(1);
  });
});
