import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveCheckInSchedule } from "@/lib/data/check-ins";
import { answerTalkRequest, askToTalk, listSharedItems, replyToSharedItem } from "@/lib/data/consent";
import { getMyCouple } from "@/lib/data/couples";
import { getMyHome } from "@/lib/data/home";
import { addTopics } from "@/lib/data/plan";
import { createSummary } from "@/lib/data/summaries";
import { getMyTherapyRole, setMyTherapyRole } from "@/lib/data/therapy-role";
import { createCoupleAndStranger } from "../support/fixtures";
import { shareAsPreviewed } from "../support/share";
import { createTestDb, type TestDb } from "../support/test-db";

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
      newFromPartner: [{ consentId, title: "What I noticed" }],
      talkRequests: [],
    });
    // The author's own share is not "new from the partner" for the author.
    expect((await getMyHome(author, now)).couple?.newFromPartner).toEqual([]);

    await replyToSharedItem(partner, consentId, "THANK_YOU", now);
    expect((await getMyHome(partner, now)).couple?.newFromPartner).toEqual([]);

    // A request to talk waits on the author's home page until the author answers it, and only there.
    await askToTalk(partner, consentId, now);
    expect((await getMyHome(author, now)).couple?.talkRequests).toEqual([{ consentId, title: "What I noticed" }]);
    expect((await getMyHome(partner, now)).couple?.talkRequests).toEqual([]);
    await answerTalkRequest(author, consentId, "decline", now);
    expect((await getMyHome(author, now)).couple?.talkRequests).toEqual([]);
  });
});
