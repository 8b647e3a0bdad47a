import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listSharedItems, unshareSummary, listMyConsentHistory } from "@/lib/data/consent";
import { leaveCouple } from "@/lib/data/couples";
import { addSharedItemToPlan, addTopics, getPlan, moveItem } from "@/lib/data/plan";
import { createSummary, updateSummary } from "@/lib/data/summaries";
import type { SummaryInput } from "@/lib/validation/summary";
import { createCoupleAndStranger } from "../support/fixtures";
import { createTestDb, type TestDb } from "../support/test-db";
import { shareAsPreviewed } from "../support/share";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const draft: SummaryInput = {
  title: "I shut down when I'm tired",
  body: "I noticed I go quiet when I'm exhausted; it's not about you.",
  depth: "BRIEF",
  framing: "THERAPY_WORK",
  whyReasons: ["FEEL_CLOSER"],
  whyText: null,
  responseWish: "JUST_LISTEN",
  noteId: null,
};

describe("sharing a summary into the couple", () => {
  it("goes from private draft to shared snapshot to withdrawn, and leaves with the couple", async () => {
    const { author, partner, stranger } = await createCoupleAndStranger(t.db);
    const { id } = await createSummary(author, draft);
    expect(await listSharedItems(partner)).toEqual([]);

    const shared = await shareAsPreviewed(author, { summaryId: id, ownChoice: "yes", aboutMe: "yes", depth: "BRIEF", reflectionNote: null });
    expect(shared.outcome).toBe("shared");
    const again = await shareAsPreviewed(author, { summaryId: id, ownChoice: "yes", aboutMe: "yes", depth: "BRIEF", reflectionNote: null });
    expect(again).toEqual({ consentId: shared.consentId, outcome: "unchanged", agenda: null });

    const seen = await listSharedItems(partner);
    expect(seen.map((item) => item.title)).toEqual([draft.title]);
    expect(seen[0]?.summaryId).toBeNull();
    expect(await listSharedItems(stranger)).toEqual([]);

    await updateSummary(author, id, { ...draft, body: "edited privately" });
    expect((await listSharedItems(partner))[0]?.body).toBe(draft.body);

    await addSharedItemToPlan(author, shared.consentId);
    await addTopics(partner, [{ title: "Weekend plans", detail: null }]);
    const plan = await getPlan(author);
    expect(plan.items.map((item) => item.title)).toEqual([draft.title, "Weekend plans"]);
    await moveItem(author, plan.items[1]!.id, "up");
    expect((await getPlan(partner)).items.map((item) => item.title)).toEqual(["Weekend plans", draft.title]);

    await unshareSummary(author, id);
    expect(await listSharedItems(partner)).toEqual([]);
    expect((await getPlan(partner)).items.map((item) => item.title)).toEqual(["Weekend plans"]);
    expect((await listMyConsentHistory(author)).map((c) => c.withdrawalCause)).toEqual(["AUTHOR_UNSHARED"]);
    expect(await listMyConsentHistory(partner)).toEqual([]);

    await shareAsPreviewed(author, { summaryId: id, ownChoice: "yes", aboutMe: "yes", depth: "HEADLINE", reflectionNote: null });
    expect((await listSharedItems(partner))[0]?.body).toBeNull();
    await leaveCouple(partner);
    expect(await listSharedItems(partner)).toEqual([]);
    expect(await listSharedItems(author)).toEqual([]);
  });
});
