/**
 * "Edited since shared" (C4): the author's summary reads "Shared (edited since: your partner sees
 * the earlier version)" exactly while its words, cut to the depth it was shared at, differ from
 * the snapshot the partner reads. Decided when the summary is saved or shared and stored on the
 * consent (decision 041), so the list of summaries decrypts no body; a consent from before that
 * column existed is compared from the words.
 */
import { describe, expect, it } from "vitest";
import { getSummary, listSummaries, updateSummary } from "@/lib/data/summaries";
import { buildWorld, type World } from "../../support/consent-world";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { shareAsPreviewed } from "../../support/share";
import { accessFor } from "../../support/users";

const t = setUpEdgeTestDb();

const asAuthor = (world: World) => accessFor(t.db, world.author);

/** What the author's list and the summary's own page say, and what is stored on the consent. */
async function editedSinceShared(world: World) {
  const listed = (await listSummaries(asAuthor(world))).find((summary) => summary.id === world.summaryId);
  const page = await getSummary(asAuthor(world), world.summaryId!);
  const stored = await t.db.shareConsent.findUnique({ where: { activeSummaryId: world.summaryId! }, select: { editedSinceShared: true } });
  return { list: listed?.sharing?.editedSinceShared, page: page?.sharing?.editedSinceShared, stored: stored?.editedSinceShared };
}

describe("edited since shared", () => {
  it("is false when shared, true once the shared words are edited, and false again when they are put back", async () => {
    const world = await buildWorld(t.db, "shared summary");
    expect(await editedSinceShared(world)).toEqual({ list: false, page: false, stored: false });
    await updateSummary(asAuthor(world), world.summaryId!, { ...world.draft, title: "Said differently" });
    expect(await editedSinceShared(world)).toEqual({ list: true, page: true, stored: true });
    await updateSummary(asAuthor(world), world.summaryId!, world.draft);
    expect(await editedSinceShared(world)).toEqual({ list: false, page: false, stored: false });
  });

  it("is false after an edit the shared depth does not carry: a headline shares no body", async () => {
    const world = await buildWorld(t.db, "draft summary");
    const { consentId } = await shareAsPreviewed(asAuthor(world), { summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth: "HEADLINE", reflectionNote: null });
    expect(consentId).toBeTruthy();
    await updateSummary(asAuthor(world), world.summaryId!, { ...world.draft, body: "A body the partner never had" });
    expect(await editedSinceShared(world)).toEqual({ list: false, page: false, stored: false });
  });

  it("is false again once the edited words are shared anew", async () => {
    const world = await buildWorld(t.db, "edited after sharing");
    expect(await editedSinceShared(world)).toEqual({ list: true, page: true, stored: true });
    await shareAsPreviewed(asAuthor(world), { summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth: "BRIEF", reflectionNote: null });
    expect(await editedSinceShared(world)).toEqual({ list: false, page: false, stored: false });
  });

  it("is read from the words for a consent shared before it was stored", async () => {
    for (const [state, edited] of [["shared summary", false], ["edited after sharing", true]] as const) {
      const world = await buildWorld(t.db, state);
      await t.db.shareConsent.update({ where: { id: world.consentId! }, data: { editedSinceShared: null } });
      expect(await editedSinceShared(world)).toEqual({ list: edited, page: edited, stored: null });
    }
  });

  it("is dropped with the consent when it is withdrawn", async () => {
    const world = await buildWorld(t.db, "withdrawn summary");
    const consent = await t.db.shareConsent.findUniqueOrThrow({ where: { id: world.consentId! }, select: { editedSinceShared: true } });
    expect(consent.editedSinceShared).toBeNull();
    expect((await getSummary(asAuthor(world), world.summaryId!))?.sharing).toBeNull();
  });
});
