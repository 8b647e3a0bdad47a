import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveCheckInSchedule } from "@/lib/data/check-ins";
import type { Access } from "@/lib/data/access";
import { answerTalkRequest, askToTalk, listSharedItems, replyToSharedItem, unshareSummary } from "@/lib/data/consent";
import { getMyCouple } from "@/lib/data/couples";
import { getMyHome } from "@/lib/data/home";
import { addTopics } from "@/lib/data/plan";
import { createSummary } from "@/lib/data/summaries";
import { getMyTherapyRole, setMyTherapyRole } from "@/lib/data/therapy-role";
import { createCoupleAndStranger } from "../support/fixtures";
import { shareAsPreviewed } from "../support/share";
import { createTestDb, type TestDb } from "../support/test-db";

const NONE = { total: 0, newest: [] };

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

describe("who is in therapy", () => {
  it("is unanswered at first, then each person's own answer, changeable and clearable", async () => {
    const { author, partner } = await createCoupleAndStranger(t.db);
    expect(await getMyTherapyRole(author)).toBeNull();
    await setMyTherapyRole(author, "ME");
    await setMyTherapyRole(partner, "PARTNER");
    expect(await getMyTherapyRole(author)).toBe("ME");
    await setMyTherapyRole(author, "BOTH");
    expect(await getMyTherapyRole(author)).toBe("BOTH");
    expect(await getMyTherapyRole(partner)).toBe("PARTNER");
    await setMyTherapyRole(author, null);
    expect(await getMyTherapyRole(author)).toBeNull();
  });

  it("is in nothing the partner reads: their couple, shared items and home are the same whatever it is", async () => {
    const { author, partner } = await createCoupleAndStranger(t.db);
    const now = new Date("2026-12-01T12:00:00Z");
    const seenByPartner = async () => JSON.stringify([await getMyCouple(partner), await listSharedItems(partner), await getMyHome(partner, now)]);
    await setMyTherapyRole(author, "ME");
    const whenMe = await seenByPartner();
    await setMyTherapyRole(author, "BOTH");
    expect(await seenByPartner()).toBe(whenMe);
    expect(whenMe).not.toMatch(/therapyRole|"ME"|"BOTH"/);
  });
});

describe("the home page's data", () => {
  it("is the person's role and notices, and nothing about a couple when not linked", async () => {
    const { stranger } = await createCoupleAndStranger(t.db);
    await setMyTherapyRole(stranger, "PARTNER");
    expect(await getMyHome(stranger)).toEqual({ role: "PARTNER", notices: [], couple: null });
  });

  it("shows the next check-in, the agenda still to talk about, and what the partner newly shared until replied to", async () => {
    const { author, partner } = await createCoupleAndStranger(t.db);
    const now = new Date("2026-12-01T12:00:00Z"); // a Tuesday
    await saveCheckInSchedule(author, { cadence: "WEEKLY", weekday: 4, localTime: "19:30", timeZone: "Europe/London" }, now);
    await addTopics(partner, [{ title: "Holidays", detail: null }, { title: "Money", detail: null }]);
    const { id } = await createSummary(author, {
      title: "What I noticed",
      body: "A few words for Alex.",
      depth: "BRIEF",
      framing: "CONTENT_ONLY",
      whyReasons: [],
      whyText: null,
      responseWish: null,
      noteId: null,
    });
    await createSummary(author, { title: "Not shared", body: "Private.", depth: "BRIEF", framing: "CONTENT_ONLY", whyReasons: [], whyText: null, responseWish: null, noteId: null });
    const { consentId } = await shareAsPreviewed(author, { summaryId: id, ownChoice: "yes", aboutMe: "yes", depth: "BRIEF", reflectionNote: null });

    const home = await getMyHome(partner, now);
    expect(home.couple).toEqual({
      partnerName: "Sam",
      nextCheckIn: { at: new Date("2026-12-03T19:30:00Z"), timeZone: "Europe/London", oneOff: false, now },
      agendaCount: 2,
      newFromPartner: { total: 1, newest: [{ consentId, title: "What I noticed" }] },
      talkRequests: NONE,
    });
    // The author's own share is not "new from the partner" for the author.
    expect((await getMyHome(author, now)).couple?.newFromPartner).toEqual(NONE);

    await replyToSharedItem(partner, consentId, "THANK_YOU", now);
    expect((await getMyHome(partner, now)).couple?.newFromPartner).toEqual(NONE);

    // A request to talk waits on the author's home page until the author answers it, and only there.
    await askToTalk(partner, consentId, now);
    expect((await getMyHome(author, now)).couple?.talkRequests).toEqual({ total: 1, newest: [{ consentId, title: "What I noticed" }] });
    expect((await getMyHome(partner, now)).couple?.talkRequests).toEqual(NONE);
    await answerTalkRequest(author, consentId, "decline", now);
    expect((await getMyHome(author, now)).couple?.talkRequests).toEqual(NONE);
  });
});

describe("the home page with many shared items", () => {
  const summary = (title: string) => ({ title, body: `About ${title}.`, depth: "BRIEF" as const, framing: "CONTENT_ONLY" as const, whyReasons: [], whyText: null, responseWish: null, noteId: null });
  const shareTitled = async (access: Access, title: string, at: Date) => {
    const { id } = await createSummary(access, summary(title));
    const { consentId } = await shareAsPreviewed(access, { summaryId: id, ownChoice: "yes", aboutMe: "yes", depth: "BRIEF", reflectionNote: null }, at);
    return { consentId, summaryId: id };
  };

  it("names the newest few and counts them all, under the shared view's rule: no withdrawn item, nobody else's", async () => {
    const { author, partner, stranger } = await createCoupleAndStranger(t.db);
    const otherCouple = await createCoupleAndStranger(t.db);
    const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12));
    const shared: { consentId: string; summaryId: string }[] = [];
    for (let n = 1; n <= 6; n += 1) shared.push(await shareTitled(author, `Item ${n}`, day(n)));
    const consents = shared.map((item) => item.consentId);
    await addTopics(partner, [{ title: "Holidays", detail: null }]);
    await shareTitled(partner, "From the partner", day(7));
    await shareTitled(otherCouple.author, "In another couple", day(8));
    await unshareSummary(author, shared[5]!.summaryId);
    await replyToSharedItem(partner, consents[0]!, "THANK_YOU", day(9));

    const home = await getMyHome(partner, day(10));
    // Items 1 (replied to) and 6 (withdrawn) are not new; the newest first, three by name.
    expect(home.couple?.newFromPartner).toEqual({
      total: 4,
      newest: [5, 4, 3].map((n) => ({ consentId: consents[n - 1], title: `Item ${n}` })),
    });
    expect(home.couple?.agendaCount).toBe(1);
    expect(JSON.stringify(home)).not.toMatch(/Item 6|In another couple|About Item/);

    for (const n of [2, 3, 4, 5]) await askToTalk(partner, consents[n - 1]!, day(10 + n));
    expect((await getMyHome(author, day(20))).couple?.talkRequests).toEqual({
      total: 4,
      newest: [5, 4, 3].map((n) => ({ consentId: consents[n - 1], title: `Item ${n}` })),
    });
    expect((await getMyHome(stranger, day(20))).couple).toBeNull();
  });
});
