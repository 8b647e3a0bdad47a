/**
 * C10, what you see is what you share: the share step previews the snapshot for the depth
 * chosen, its form posts that snapshot's digest with the depth, and the data layer shares only
 * when the snapshot it would record now has that digest. A forged or stale form shares nothing.
 */
import { describe, expect, it, vi } from "vitest";
import { shareSummaryAction } from "@/app/summaries/actions";
import { IDLE } from "@/lib/actions/form-state";
import { previewedDepthValue, sharePreviews, snapshotDigest, snapshotOf } from "@/lib/consent/snapshot";
import { listSharedItems, shareSummary } from "@/lib/data/consent";
import { getSummary, updateSummary } from "@/lib/data/summaries";
import { SummaryDepth } from "@/lib/generated/prisma/enums";
import { buildWorld, footprint, type World } from "../../support/consent-world";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { signInAs } from "../../support/browser";
import { formData } from "../../support/forms";
import { outcomeOf } from "../../support/next-control-flow";
import { postedDepthFor, previewDigestFor } from "../../support/share";
import { accessFor } from "../../support/users";

vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

const OUTDATED = /^Nothing was shared: what you saw in the preview is not what would be shared now/;
const DEPTHS = Object.values(SummaryDepth);
const asAuthor = (world: World) => accessFor(t.db, world.author);
const affirmed = { ownChoice: "yes", aboutMe: "yes" } as const;

/** A draft whose body is written, whatever depth it was saved at: the depth alone decides whether the body goes. */
async function draftSavedAt(depth: SummaryDepth): Promise<World> {
  const world = await buildWorld(t.db, "draft summary");
  await updateSummary(asAuthor(world), world.summaryId!, { ...world.draft, depth });
  return world;
}

/** What the share step shows for this summary at this depth, read as its author reads it. */
async function previewShown(world: World, depth: SummaryDepth) {
  const summary = await getSummary(asAuthor(world), world.summaryId!);
  const preview = sharePreviews(summary!).find((one) => one.depth === depth);
  if (!preview) throw new Error(`No preview for ${depth}`);
  return preview;
}

describe("C10: the partner receives exactly the preview shown for the depth chosen", () => {
  const pairs = DEPTHS.flatMap((saved) => DEPTHS.map((chosen) => [saved, chosen] as const));

  it.each(pairs)("saved as %s, shared as %s through the form", async (saved, chosen) => {
    const world = await draftSavedAt(saved);
    const preview = await previewShown(world, chosen);
    await signInAs(world.author);
    const outcome = await outcomeOf(() =>
      shareSummaryAction(IDLE, formData({ summaryId: world.summaryId!, ...affirmed, depth: previewedDepthValue(preview) })),
    );
    expect(outcome).toEqual({ kind: "redirect", url: `/summaries/${world.summaryId}?shared=shared` });
    const [seen, ...others] = await listSharedItems(accessFor(t.db, world.partner));
    expect(others).toEqual([]);
    expect(seen).toMatchObject({
      title: preview.snapshot.sharedTitle,
      body: preview.snapshot.sharedBody,
      depth: chosen,
      framing: preview.snapshot.sharedFraming,
      whyReasons: preview.snapshot.sharedWhyReasons,
      whyText: preview.snapshot.sharedWhyText,
      responseWish: preview.snapshot.sharedResponseWish,
    });
    // The body goes only where the preview showed it.
    expect(seen?.body ?? null).toBe(chosen === "HEADLINE" ? null : world.draft.body);
  });
});

describe("C10: a share that differs from what was previewed is refused, and nothing is shared", () => {
  it("a headline's digest posted with In depth (a forged depth) is refused by the action", async () => {
    const world = await draftSavedAt("HEADLINE");
    const before = await footprint(t.db, world);
    const headline = await previewShown(world, "HEADLINE");
    await signInAs(world.author);
    const forged = `IN_DEPTH.${headline.digest}`;
    const outcome = await outcomeOf(() => shareSummaryAction(IDLE, formData({ summaryId: world.summaryId!, ...affirmed, depth: forged })));
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", message: expect.stringMatching(OUTDATED) } });
    expect(await footprint(t.db, world)).toEqual(before);
    expect(await listSharedItems(accessFor(t.db, world.partner))).toEqual([]);
  });

  it("the data layer itself refuses a forged digest and a forged depth, not only the form", async () => {
    const world = await draftSavedAt("HEADLINE");
    const before = await footprint(t.db, world);
    const headlineDigest = await previewDigestFor(asAuthor(world), world.summaryId!, "HEADLINE");
    const reflection = { summaryId: world.summaryId!, ...affirmed, reflectionNote: null };
    await expect(shareSummary(asAuthor(world), { ...reflection, depth: "IN_DEPTH", previewDigest: headlineDigest })).rejects.toThrow(OUTDATED);
    await expect(shareSummary(asAuthor(world), { ...reflection, depth: "HEADLINE", previewDigest: "f".repeat(64) })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("a draft edited in another tab after the preview was shown is refused, and the old preview is not shared", async () => {
    const world = await buildWorld(t.db, "draft summary");
    const depth = await postedDepthFor(asAuthor(world), world.summaryId!, "BRIEF");
    await updateSummary(asAuthor(world), world.summaryId!, { ...world.draft, body: "Rewritten in another tab, never previewed." });
    const before = await footprint(t.db, world);
    await signInAs(world.author);
    const outcome = await outcomeOf(() => shareSummaryAction(IDLE, formData({ summaryId: world.summaryId!, ...affirmed, depth })));
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", message: expect.stringMatching(OUTDATED) } });
    expect(await footprint(t.db, world)).toEqual(before);
    expect(await listSharedItems(accessFor(t.db, world.partner))).toEqual([]);
  });

  it("re-sharing edited words with the digest of the words shared before is refused, and the partner keeps the old snapshot", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const oldDigest = snapshotDigest(snapshotOf(world.draft, "BRIEF"));
    await updateSummary(asAuthor(world), world.summaryId!, { ...world.draft, body: "Edited privately afterwards." });
    const before = await footprint(t.db, world);
    const reflection = { summaryId: world.summaryId!, ...affirmed, depth: "BRIEF" as const, reflectionNote: null, previewDigest: oldDigest };
    await expect(shareSummary(asAuthor(world), reflection)).rejects.toThrow(OUTDATED);
    expect(await footprint(t.db, world)).toEqual(before);
    const [seen] = await listSharedItems(accessFor(t.db, world.partner));
    expect(seen?.body).toBe(world.draft.body);
  });

  it.each([
    ["a depth without a digest (an old form)", "IN_DEPTH"],
    ["a digest of the wrong shape", "BRIEF.abc"],
    ["an unknown depth with a digest", `EVERYTHING.${"a".repeat(64)}`],
  ])("%s is a field error, and nothing is shared", async (_case, depth) => {
    const world = await buildWorld(t.db, "draft summary");
    const before = await footprint(t.db, world);
    await signInAs(world.author);
    const outcome = await outcomeOf(() => shareSummaryAction(IDLE, formData({ summaryId: world.summaryId!, ...affirmed, depth })));
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", fieldErrors: { depth: ["Choose how much you want to share."] } } });
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it.each(["partner", "stranger"] as const)("the %s posting the author's own previewed depth gets a not-found, and nothing is shared", async (who) => {
    const world = await buildWorld(t.db, "draft summary");
    const before = await footprint(t.db, world);
    const depth = await postedDepthFor(asAuthor(world), world.summaryId!, "IN_DEPTH");
    await signInAs(world[who]);
    const outcome = await outcomeOf(() => shareSummaryAction(IDLE, formData({ summaryId: world.summaryId!, ...affirmed, depth })));
    // Checked before the digest, so nobody learns anything about a summary that is not theirs.
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", message: "This summary does not exist, or it is not yours." } });
    expect(await footprint(t.db, world)).toEqual(before);
  });
});
