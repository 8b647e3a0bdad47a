/**
 * Consent rules C6 (reflect first), C8 (no pulling rank) and C9 (audit) from shared/SPEC.md.
 */
import { describe, expect, it, vi } from "vitest";
import SharingHistoryPage from "@/app/summaries/history/page";
import ShareSummaryPage from "@/app/summaries/[id]/share/page";
import { shareSummaryAction } from "@/app/summaries/actions";
import { IDLE } from "@/lib/actions/form-state";
import { REFLECTION_QUESTIONS } from "@/lib/content/guidance";
import { listMyConsentHistory, listSharedItems, unshareSummary } from "@/lib/data/consent";
import { leaveCouple } from "@/lib/data/couples";
import { createSummary, updateSummary } from "@/lib/data/summaries";
import type { SummaryInput } from "@/lib/validation/summary";
import { pageResult } from "../../support/access-matrix";
import { buildWorld, footprint, type World } from "../../support/consent-world";
import { signInAs } from "../../support/browser";
import { outcomeOf } from "../../support/next-control-flow";
import { allTextReachableBy } from "../../support/reachable";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { accessFor } from "../../support/users";
import { postedDepthFor, shareAsPreviewed, type UnboundReflection } from "../../support/share";

vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

const asAuthor = (world: World) => accessFor(t.db, world.author);
const asPartner = (world: World) => accessFor(t.db, world.partner);
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};
const reflection = (summaryId: string, reflectionNote: string | null = null): UnboundReflection => ({
  summaryId,
  ownChoice: "yes",
  aboutMe: "yes",
  depth: "BRIEF",
  reflectionNote,
});

describe("C6: sharing asks the author to reflect first, and records the answers", () => {
  const OWN_CHOICE = "Share only when it is your own choice. Not sharing is always fine.";
  const ABOUT_ME = "Check that it is about you and your feelings before you share it.";

  it.each([
    ["without the own-choice answer", { aboutMe: "yes" }, { ownChoice: [OWN_CHOICE] }],
    ["without the about-me answer", { ownChoice: "yes" }, { aboutMe: [ABOUT_ME] }],
    ["with neither answer", {}, { ownChoice: [OWN_CHOICE], aboutMe: [ABOUT_ME] }],
    ["with own choice answered no", { ownChoice: "no", aboutMe: "yes" }, { ownChoice: [OWN_CHOICE] }],
    ["with about me answered no", { ownChoice: "yes", aboutMe: "no" }, { aboutMe: [ABOUT_ME] }],
  ])("the share action refuses %s, and nothing is shared", async (_case, answers, fieldErrors) => {
    const world = await buildWorld(t.db, "draft summary");
    const before = await footprint(t.db, world);
    await signInAs(world.author);
    const depth = await postedDepthFor(asAuthor(world), world.summaryId!, "BRIEF");
    const outcome = await outcomeOf(() => shareSummaryAction(IDLE, form({ summaryId: world.summaryId!, depth, ...answers })));
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", fieldErrors } });
    expect(await footprint(t.db, world)).toEqual(before);
    expect(await listSharedItems(asPartner(world))).toEqual([]);
  });

  it("the data layer itself refuses a share whose reflection was not affirmed", async () => {
    const world = await buildWorld(t.db, "draft summary");
    const before = await footprint(t.db, world);
    const unaffirmed = { ...reflection(world.summaryId!), ownChoice: "no" } as unknown as UnboundReflection;
    await expect(shareAsPreviewed(asAuthor(world), unaffirmed)).rejects.toMatchObject({ code: "invalid" });
    const notAboutMe = { ...reflection(world.summaryId!), aboutMe: undefined } as unknown as UnboundReflection;
    await expect(shareAsPreviewed(asAuthor(world), notAboutMe)).rejects.toMatchObject({ code: "invalid" });
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("records both answers and the author's note with the consent, and the note never reaches the partner", async () => {
    const world = await buildWorld(t.db, "draft summary");
    await signInAs(world.author);
    const depth = await postedDepthFor(asAuthor(world), world.summaryId!, "BRIEF");
    const outcome = await outcomeOf(() =>
      shareSummaryAction(IDLE, form({ summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth, reflectionNote: "Nervous but ready PRIVATE-NOTE" })),
    );
    expect(outcome).toEqual({ kind: "redirect", url: `/summaries/${world.summaryId}?shared=shared` });
    const consent = await t.db.shareConsent.findFirstOrThrow({ where: { summaryId: world.summaryId } });
    expect(consent).toMatchObject({ reflectedOwnChoice: true, reflectedAboutMe: true, reflectionNote: "Nervous but ready PRIVATE-NOTE" });
    expect(await allTextReachableBy(t.db, world.partner)).not.toContain("PRIVATE-NOTE");
  });

  it("refuses an over-long note to self, and shares nothing", async () => {
    const world = await buildWorld(t.db, "draft summary");
    await signInAs(world.author);
    const depth = await postedDepthFor(asAuthor(world), world.summaryId!, "BRIEF");
    const outcome = await outcomeOf(() =>
      shareSummaryAction(IDLE, form({ summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth, reflectionNote: "x".repeat(501) })),
    );
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", fieldErrors: { reflectionNote: ["Keep this under 500 characters."] } } });
    expect(await t.db.shareConsent.count({ where: { summaryId: world.summaryId } })).toBe(0);
  });

  it("the reflection step shows exactly what the partner will read, and asks both questions", async () => {
    const world = await buildWorld(t.db, "edited after sharing");
    await signInAs(world.author);
    const page = await pageResult(() => ShareSummaryPage({ params: Promise.resolve({ id: world.summaryId! }) }));
    expect(page.kind).toBe("shown");
    const html = page.kind === "shown" ? page.text : "";
    expect(html).toContain(world.secrets.editedTitle);
    expect(html).toContain(world.secrets.editedBody);
    expect(html).not.toContain(world.secrets.noteTitle);
    expect(html).toContain(REFLECTION_QUESTIONS.ownChoice.label);
    expect(html).toContain(REFLECTION_QUESTIONS.aboutMe.label);
    expect(html).toMatch(/name="ownChoice"/);
    expect(html).toMatch(/name="aboutMe"/);
  });
});

describe("C8: a summary that pulls rank gets a gentle suggestion, and the author stays free to share it", () => {
  const draft = (title: string, body: string): SummaryInput => ({
    title,
    body,
    depth: "BRIEF",
    framing: "CONTENT_ONLY",
    whyReasons: [],
    whyText: null,
    responseWish: null,
    noteId: null,
  });

  it.each([
    { case: "my therapist says you never listen", title: "About listening", body: "My therapist says you never listen.", flagged: true },
    { case: "an accusation in the headline", title: "You always ignore me", body: "I want us to talk.", flagged: true },
    {
      case: "a self-focused text",
      title: "About listening",
      body: "I noticed I go quiet when I feel unheard, and I'd like to tell you when it happens.",
      flagged: false,
    },
    { case: "the therapist helping the author see themselves", title: "What I learned", body: "My therapist helped me notice that I shut down when I'm tired.", flagged: false },
  ])("$case: suggestion shown and recorded = $flagged, and sharing still goes ahead", async ({ title, body, flagged }) => {
    const world = await buildWorld(t.db, "private note");
    const { id } = await createSummary(asAuthor(world), draft(title, body));
    await signInAs(world.author);
    const page = await pageResult(() => ShareSummaryPage({ params: Promise.resolve({ id }) }));
    expect(page.kind === "shown" && page.text.includes("A gentle suggestion")).toBe(flagged);

    const outcome = await shareAsPreviewed(asAuthor(world), reflection(id));
    expect(outcome.outcome).toBe("shared");
    const consent = await t.db.shareConsent.findUniqueOrThrow({ where: { id: outcome.consentId } });
    expect(consent.toneSuggestionShown).toBe(flagged);
    expect((await listSharedItems(asPartner(world))).map((item) => item.body)).toEqual([body]);
  });
});

describe("C9: every grant and withdrawal is recorded, and the author alone can read the record", () => {
  const at = (iso: string) => new Date(iso);

  it("lists each grant and withdrawal with its time and cause, newest first", async () => {
    const world = await buildWorld(t.db, "draft summary");
    const id = world.summaryId!;
    await shareAsPreviewed(asAuthor(world), reflection(id, "first time"), at("2030-01-01T10:00:00Z"));
    await updateSummary(asAuthor(world), id, { ...world.draft, body: "Reworded" });
    await shareAsPreviewed(asAuthor(world), reflection(id), at("2030-01-02T10:00:00Z"));
    await unshareSummary(asAuthor(world), id, at("2030-01-03T10:00:00Z"));
    await shareAsPreviewed(asAuthor(world), reflection(id), at("2030-01-04T10:00:00Z"));
    await leaveCouple(asPartner(world), at("2030-01-05T10:00:00Z"));

    const history = await listMyConsentHistory(asAuthor(world));
    expect(history.map(({ grantedAt, withdrawnAt, withdrawalCause, summaryId }) => ({ grantedAt, withdrawnAt, withdrawalCause, summaryId }))).toEqual([
      { grantedAt: at("2030-01-04T10:00:00Z"), withdrawnAt: at("2030-01-05T10:00:00Z"), withdrawalCause: "COUPLE_ENDED", summaryId: id },
      { grantedAt: at("2030-01-02T10:00:00Z"), withdrawnAt: at("2030-01-03T10:00:00Z"), withdrawalCause: "AUTHOR_UNSHARED", summaryId: id },
      { grantedAt: at("2030-01-01T10:00:00Z"), withdrawnAt: at("2030-01-02T10:00:00Z"), withdrawalCause: "RESHARED", summaryId: id },
    ]);
    expect(history[2]).toMatchObject({ reflectionNote: "first time", reflectedOwnChoice: true, reflectedAboutMe: true });

    await signInAs(world.author);
    const page = await pageResult(() => SharingHistoryPage());
    const html = page.kind === "shown" ? page.text : "";
    for (const phrase of ["the couple ended", "you unshared it", "replaced when you shared a newer version", "Jan 4, 2030"]) {
      expect(html).toContain(phrase);
    }
  });

  it("is empty for the partner and for a stranger, as data and as a page", async () => {
    const world = await buildWorld(t.db, "withdrawn summary");
    for (const who of ["partner", "stranger"] as const) {
      expect(await listMyConsentHistory(accessFor(t.db, world[who]))).toEqual([]);
      await signInAs(world[who]);
      const page = await pageResult(() => SharingHistoryPage());
      expect(page.kind === "shown" && page.text).toContain("You have not shared anything.");
    }
  });

  it("the partner's own history holds only the partner's own shares", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const { id } = await createSummary(asPartner(world), draft("My side"));
    await shareAsPreviewed(asPartner(world), reflection(id));
    expect((await listMyConsentHistory(asPartner(world))).map((entry) => entry.sharedTitle)).toEqual(["My side"]);
  });

  function draft(title: string): SummaryInput {
    return { title, body: "Mine", depth: "BRIEF", framing: "CONTENT_ONLY", whyReasons: [], whyText: null, responseWish: null, noteId: null };
  }
});
