/**
 * A summary's private label (issue 11): the author's own name for a draft, such as "not ready
 * yet". It is never part of what is shared (C4, C10), so the partner and a stranger never reach
 * it, and changing it is not an edit of the shared words.
 */
import { describe, expect, it, vi } from "vitest";
import ShareSummaryPage from "@/app/summaries/[id]/share/page";
import { updateSummary, getSummary } from "@/lib/data/summaries";
import { pageResult } from "../../support/access-matrix";
import { signInAs } from "../../support/browser";
import { buildWorld, type World } from "../../support/consent-world";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { allTextReachableBy, everythingReachableBy } from "../../support/reachable";
import { accessFor } from "../../support/users";

vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

const label = (world: World) => world.secrets.privateLabel!;

describe("a private label is the author's alone", () => {
  it.each(["draft summary", "shared summary", "edited after sharing", "withdrawn summary", "after leaving the couple"] as const)(
    "the author reaches it; the partner and a stranger reach nothing of it (%s)",
    async (state) => {
      const world = await buildWorld(t.db, state);
      expect(await allTextReachableBy(t.db, world.author)).toContain(label(world));
      expect(await allTextReachableBy(t.db, world.partner)).not.toContain(label(world));
      expect(await allTextReachableBy(t.db, world.stranger)).not.toContain(label(world));
    },
  );

  it("the share step previews the shared words without the label, so the preview is what the partner receives", async () => {
    const world = await buildWorld(t.db, "draft summary");
    await signInAs(world.author);
    const page = await pageResult(() => ShareSummaryPage({ params: Promise.resolve({ id: world.summaryId! }) }));
    expect(page.kind).toBe("shown");
    expect(page.kind === "shown" && page.text).toContain(world.secrets.draftTitle);
    expect(page.kind === "shown" && page.text).not.toContain(label(world));
  });

  it("relabelling a shared summary changes nothing the partner reaches, and is not an edit of the shared words", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const before = await everythingReachableBy(t.db, world.partner);
    await updateSummary(accessFor(t.db, world.author), world.summaryId!, { ...world.draft, privateLabel: "ready, maybe" });
    expect(await everythingReachableBy(t.db, world.partner)).toEqual(before);
    const summary = await getSummary(accessFor(t.db, world.author), world.summaryId!);
    expect(summary?.privateLabel).toBe("ready, maybe");
    expect(summary?.sharing?.editedSinceShared).toBe(false);
  });

  it("a caller that names no label leaves it as it was, and a label can be removed", async () => {
    const world = await buildWorld(t.db, "draft summary");
    const author = accessFor(t.db, world.author);
    const { privateLabel: _kept, ...withoutLabel } = world.draft;
    await updateSummary(author, world.summaryId!, { ...withoutLabel, title: "Reworded" });
    expect(await getSummary(author, world.summaryId!)).toMatchObject({ title: "Reworded", privateLabel: world.draft.privateLabel });
    await updateSummary(author, world.summaryId!, { ...world.draft, privateLabel: null });
    expect((await getSummary(author, world.summaryId!))?.privateLabel).toBeNull();
  });
});
