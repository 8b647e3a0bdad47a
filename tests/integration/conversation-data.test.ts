/**
 * The guided conversation's data layer (lib/data/conversation.ts): turns on two devices, the
 * pause, the author's say over a shared item (C11), closing into the shared history, the
 * ground rules changed only by both, and private reflections. Each world is a couple with one
 * shared item on the plan after the partner's own topic (tests/support/consent-world.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unshareSummary } from "@/lib/data/consent";
import {
  acceptGuide,
  callPause,
  closeConversation,
  deleteReflection,
  dropGuideProposal,
  endPause,
  getConversation,
  getConversationGuide,
  listConversationsWeHad,
  listMyReflections,
  markCurrentDiscussed,
  moveConversation,
  nextSessionText,
  passTurn,
  proposeGuide,
  saveReflection,
  setForNextSession,
  startConversation,
} from "@/lib/data/conversation";
import { leaveCouple } from "@/lib/data/couples";
import { getPlan } from "@/lib/data/plan";
import { DEFAULT_GROUND_RULES } from "@/lib/conversation/guide";
import { buildWorld, type World } from "../support/consent-world";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor } from "../support/users";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

async function sharedWorld() {
  const world = await buildWorld(t.db, "shared summary");
  return {
    world,
    author: accessFor(t.db, world.author),
    partner: accessFor(t.db, world.partner),
    stranger: accessFor(t.db, world.stranger),
  };
}

/** Walks forward until the conversation is at the shared item. */
async function goToSharedItem(who: ReturnType<typeof accessFor>, world: World) {
  for (let step = 0; step < 5; step += 1) {
    const view = await getConversation(who);
    if (view.conversation?.item?.id === world.planItemId) return view.conversation;
    await moveConversation(who, view.conversation?.position ?? "", "next");
  }
  throw new Error("never reached the shared item");
}

const conversationRow = (world: World) => t.db.conversation.findFirst({ where: { coupleId: world.coupleId }, orderBy: { startedAt: "desc" } });

describe("holding a conversation on two devices", () => {
  it("starts once for the couple, opens with the check-in steps, and shows both the same place", async () => {
    const { author, partner } = await sharedWorld();
    const started = await startConversation(partner);
    expect(await startConversation(author)).toEqual(started);
    const [asPartner, asAuthor] = await Promise.all([getConversation(partner), getConversation(author)]);
    expect(asPartner.conversation).toMatchObject({ id: started.id, position: "opening:0", stopNumber: 1, stopCount: 4, mySpeakingTurn: true });
    expect(asPartner.conversation?.step?.text).toMatch(/^Appreciations/);
    expect(asAuthor.conversation).toMatchObject({ id: started.id, position: "opening:0", mySpeakingTurn: false });
  });

  it("gives the first word to whoever brought each item, passes turns, and shows the author's wish as the listener's rule", async () => {
    const { world, author, partner } = await sharedWorld();
    await startConversation(author);
    await moveConversation(author, "opening:0", "next");
    await moveConversation(partner, "opening:1", "next");
    const topic = (await getConversation(author)).conversation;
    expect(topic?.item).toMatchObject({ kind: "topic", title: "Weekend plans", broughtBy: "partner", responseWish: null });
    expect(topic?.mySpeakingTurn).toBe(false);
    await passTurn(author, topic?.position ?? "");
    expect((await getConversation(author)).conversation?.mySpeakingTurn).toBe(true);
    expect((await getConversation(partner)).conversation?.mySpeakingTurn).toBe(false);

    await moveConversation(partner, topic?.position ?? "", "next");
    const shared = (await getConversation(partner)).conversation;
    expect(shared?.item).toMatchObject({ id: world.planItemId, kind: "shared", broughtBy: "partner", responseWish: "JUST_LISTEN" });
    expect(shared?.mySpeakingTurn).toBe(false);
    expect((await getConversation(author)).conversation).toMatchObject({ mySpeakingTurn: true, hasNext: false, hasPrevious: true });
  });

  it("changes nothing when a tap comes from a screen that is behind, and says so", async () => {
    const { world, author, partner } = await sharedWorld();
    await startConversation(author);
    await moveConversation(author, "opening:0", "next");
    const before = await conversationRow(world);
    await expect(moveConversation(partner, "opening:0", "next")).rejects.toThrow(/moved things on/);
    await expect(passTurn(partner, "opening:0")).rejects.toThrow(/moved things on/);
    expect(await t.db.conversation.findUnique({ where: { id: before?.id ?? "" } })).toEqual(before);
    await expect(moveConversation(author, "opening:1", "previous")).resolves.toBeUndefined();
    await expect(moveConversation(author, "opening:0", "previous")).rejects.toThrow(/first step/);
  });

  it("lets only the author of a shared item mark it discussed (C11); either partner marks a topic", async () => {
    const { world, author, partner } = await sharedWorld();
    await startConversation(partner);
    const at = await goToSharedItem(partner, world);
    expect(at.item?.mayMarkDiscussed).toBe(false);
    await expect(markCurrentDiscussed(partner, world.planItemId ?? "")).rejects.toThrow(/marked discussed by the person who shared it/);
    expect((await t.db.planItem.findUniqueOrThrow({ where: { id: world.planItemId ?? "" } })).discussedAt).toBeNull();
    expect((await getConversation(author)).conversation?.item?.mayMarkDiscussed).toBe(true);
    await markCurrentDiscussed(author, world.planItemId ?? "");
    expect((await t.db.planItem.findUniqueOrThrow({ where: { id: world.planItemId ?? "" } })).discussedAt).not.toBeNull();
    const topic = (await getPlan(author)).items.find((item) => item.kind === "topic");
    await markCurrentDiscussed(author, topic?.id ?? "");
    await expect(markCurrentDiscussed(author, "not-an-item")).rejects.toThrow(/can't mark this one/);
  });

  it("lets either partner call a pause of at least twenty minutes, seen by both, and come back", async () => {
    const { author, partner } = await sharedWorld();
    await startConversation(author);
    const now = new Date("2031-07-20T19:00:00.000Z");
    const until = await callPause(partner, 20, now);
    expect(until.toISOString()).toBe("2031-07-20T19:20:00.000Z");
    expect((await getConversation(author)).conversation).toMatchObject({ pauseUntil: until, pausedBy: "partner" });
    expect((await getConversation(partner)).conversation).toMatchObject({ pauseUntil: until, pausedBy: "me" });
    await endPause(author);
    expect((await getConversation(partner)).conversation).toMatchObject({ pauseUntil: null, pausedBy: null });
    await expect(endPause(author)).rejects.toThrow(/already back/);
  });
});

describe("consent holds during and after a conversation", () => {
  it("drops a withdrawn item from the conversation in progress at once, leaving no word of it", async () => {
    const { world, author, partner } = await sharedWorld();
    await startConversation(partner);
    await goToSharedItem(partner, world);
    await unshareSummary(author, world.summaryId ?? "");
    const view = await getConversation(partner);
    expect(view.conversation?.item?.id).not.toBe(world.planItemId);
    expect(JSON.stringify(view)).not.toContain(world.secrets.draftTitle);
    expect(JSON.stringify(view)).not.toContain(world.secrets.draftBody);
    // Back where it fell, a press from the old screen is refused, not applied elsewhere.
    await expect(moveConversation(partner, `item:${world.planItemId}`, "next")).rejects.toThrow(/moved things on/);
  });

  it("closes: discussed items go to the history with the date and the agreed line, open items stay on the plan", async () => {
    const { world, author, partner } = await sharedWorld();
    await startConversation(author);
    await goToSharedItem(author, world);
    await markCurrentDiscussed(author, world.planItemId ?? "");
    await closeConversation(partner, "We try a walk on Sundays.", new Date("2031-07-20T20:00:00.000Z"));

    const plan = await getPlan(partner);
    expect(plan.items.map((item) => item.title)).toEqual(["Weekend plans"]);
    for (const who of [author, partner]) {
      const [closed] = await listConversationsWeHad(who);
      expect(closed).toMatchObject({ agreedLine: "We try a walk on Sundays.", closedAt: new Date("2031-07-20T20:00:00.000Z") });
      expect(closed?.items.map((item) => item.title)).toEqual([expect.stringContaining(world.secrets.draftTitle ?? "?")]);
      expect((await getConversation(who)).conversation).toBeNull();
    }
    // The history holds the consent's id, never its words.
    const rows = await t.db.conversationItem.findMany({ where: { coupleId: world.coupleId } });
    expect(rows).toEqual([expect.objectContaining({ consentId: world.consentId, topicTitle: null })]);
    await expect(closeConversation(author, null)).rejects.toThrow(/no conversation/);
  });

  it("keeps a topic's title in the history, and drops a shared item from it once withdrawn", async () => {
    const { world, author, partner } = await sharedWorld();
    await startConversation(author);
    const topic = (await getPlan(author)).items.find((item) => item.kind === "topic");
    await markCurrentDiscussed(partner, topic?.id ?? "");
    await markCurrentDiscussed(author, world.planItemId ?? "");
    await closeConversation(author, null);
    expect((await listConversationsWeHad(partner))[0]?.items).toHaveLength(2);
    await unshareSummary(author, world.summaryId ?? "");
    const [closed] = await listConversationsWeHad(partner);
    expect(closed?.items.map((item) => item.title)).toEqual(["Weekend plans"]);
    expect(closed?.agreedLine).toBeNull();
  });

  it("ends the shared history, the open conversation and the ground rules for both when a partner leaves", async () => {
    const { world, author, partner } = await sharedWorld();
    await startConversation(author);
    await markCurrentDiscussed(author, world.planItemId ?? "");
    await closeConversation(author, "Agreed words");
    await startConversation(author);
    await proposeGuide(author, { steps: [], rules: ["Our rule"] });
    await leaveCouple(partner);
    for (const who of [author, partner]) await expect(listConversationsWeHad(who)).rejects.toThrow(/not linked/);
    expect(await t.db.conversation.count({ where: { coupleId: world.coupleId } })).toBe(0);
    expect(await t.db.conversationItem.count({ where: { coupleId: world.coupleId } })).toBe(0);
    expect(await t.db.conversationGuide.count({ where: { coupleId: world.coupleId } })).toBe(0);
  });

  it("gives a stranger nothing of the couple's conversation, and lets them change none of it", async () => {
    const { world, author, stranger } = await sharedWorld();
    await startConversation(author);
    const before = await conversationRow(world);
    expect((await getConversation(stranger)).conversation).toBeNull();
    await expect(markCurrentDiscussed(stranger, world.planItemId ?? "")).rejects.toThrow(/no conversation/);
    await expect(callPause(stranger, 20)).rejects.toThrow(/no conversation/);
    await expect(closeConversation(stranger, "mine")).rejects.toThrow(/no conversation/);
    expect(await conversationRow(world)).toEqual(before);
    expect(await listConversationsWeHad(stranger)).toEqual([]);
  });
});

describe("ground rules, changed only by both", () => {
  it("keeps the agreed rules until the other partner accepts the proposal they saw", async () => {
    const { author, partner, stranger } = await sharedWorld();
    const proposedAt = new Date("2031-07-20T19:00:00.000Z");
    await proposeGuide(author, { steps: ["Appreciations."], rules: ["One at a time.", "No phones."] }, proposedAt);
    for (const who of [author, partner]) expect((await getConversationGuide(who)).rules).toEqual([...DEFAULT_GROUND_RULES]);
    expect((await getConversationGuide(partner)).proposal).toMatchObject({ rules: ["One at a time.", "No phones."], byMe: false });
    expect((await getConversationGuide(author)).proposal).toMatchObject({ byMe: true });
    expect((await getConversationGuide(stranger)).proposal).toBeNull();

    await expect(acceptGuide(author, proposedAt)).rejects.toThrow(/your own proposal/);
    await expect(acceptGuide(partner, new Date(proposedAt.getTime() - 1))).rejects.toThrow(/changed a moment ago/);
    await expect(acceptGuide(stranger, proposedAt)).rejects.toThrow(/no change waiting/);
    expect((await getConversationGuide(partner)).rules).toEqual([...DEFAULT_GROUND_RULES]);

    await acceptGuide(partner, proposedAt);
    for (const who of [author, partner]) {
      expect(await getConversationGuide(who)).toMatchObject({ rules: ["One at a time.", "No phones."], steps: ["Appreciations."], proposal: null });
    }
    const started = await startConversation(author);
    expect((await getConversation(partner)).conversation).toMatchObject({ id: started.id, stopCount: 3, step: { text: "Appreciations." } });
  });

  it("refuses a proposal that changes nothing, and lets either drop one", async () => {
    const { author, partner } = await sharedWorld();
    const agreed = await getConversationGuide(author);
    await expect(proposeGuide(partner, { steps: agreed.steps, rules: agreed.rules })).rejects.toThrow(/already agreed/);
    await expect(dropGuideProposal(author)).rejects.toThrow(/no change waiting/);
    await proposeGuide(partner, { steps: [], rules: ["Kindly."] });
    await dropGuideProposal(author);
    expect(await getConversationGuide(partner)).toMatchObject({ proposal: null, rules: [...DEFAULT_GROUND_RULES] });
  });
});

describe("private reflections", () => {
  it("stay with their author: listed, put on the next-session list, exported, deleted", async () => {
    const { author } = await sharedWorld();
    const kept = await saveReflection(author, { body: "I felt heard tonight.", forNextSession: true, conversationId: null });
    const other = await saveReflection(author, { body: "Tired.", forNextSession: false, conversationId: null });
    expect((await listMyReflections(author)).map((reflection) => reflection.id).sort()).toEqual([kept.id, other.id].sort());
    expect(await nextSessionText(author)).toContain("I felt heard tonight.");
    expect(await nextSessionText(author)).not.toContain("Tired.");
    await setForNextSession(author, other.id, true);
    await setForNextSession(author, kept.id, false);
    expect(await nextSessionText(author)).toContain("Tired.");
    expect(await nextSessionText(author)).not.toContain("I felt heard");
    await deleteReflection(author, other.id);
    expect((await listMyReflections(author)).map((reflection) => reflection.id)).toEqual([kept.id]);
  });

  it("are never read, changed or deleted for the partner or a stranger", async () => {
    const { world, author, partner, stranger } = await sharedWorld();
    await startConversation(author);
    const { id: conversationId } = await closeConversation(author, null);
    const { id } = await saveReflection(author, { body: "Private REFLECTIONMARK", forNextSession: true, conversationId });
    const before = await t.db.conversationReflection.findUniqueOrThrow({ where: { id } });
    for (const other of [partner, stranger]) {
      expect(await listMyReflections(other)).toEqual([]);
      expect(await nextSessionText(other)).not.toContain("REFLECTIONMARK");
      await expect(setForNextSession(other, id, false)).rejects.toThrow(/not yours/);
      await expect(deleteReflection(other, id)).rejects.toThrow(/not yours/);
      expect(JSON.stringify(await listConversationsWeHad(other).catch(() => []))).not.toContain("REFLECTIONMARK");
    }
    expect(await t.db.conversationReflection.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(before).toMatchObject({ conversationId, authorId: world.author.id });
  });

  it("links to a conversation only of the author's own couple", async () => {
    const { author, stranger } = await sharedWorld();
    await startConversation(author);
    const { id: conversationId } = await closeConversation(author, null);
    const { id } = await saveReflection(stranger, { body: "Mine", forNextSession: false, conversationId });
    expect((await t.db.conversationReflection.findUniqueOrThrow({ where: { id } })).conversationId).toBeNull();
  });
});
