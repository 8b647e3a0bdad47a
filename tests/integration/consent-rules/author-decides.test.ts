/**
 * Consent rule C11 (shared/SPEC.md): sharing is not asking to discuss. The author chooses "just
 * so you know" or "let's talk about it"; only the author puts their disclosure on the agenda,
 * takes it off or marks it discussed; the partner may ask to talk about it once, and the author
 * accepts or declines without the partner learning which, or why. The partner replies with a
 * few warm fixed words, which the author sees.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerTalkRequest, askToTalk, listMyConsentHistory, listSharedItems, replyToSharedItem, unshareSummary } from "@/lib/data/consent";
import { addSharedItemToPlan, addTopics, getPlan, moveItem, removeFromPlan, setDiscussed } from "@/lib/data/plan";
import { CAPS } from "@/lib/limits/caps";
import { buildWorld, footprint, type World } from "../../support/consent-world";
import { createTestDb, type TestDb } from "../../support/test-db";
import { accessFor } from "../../support/users";
import { shareAsPreviewed } from "../../support/share";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());

const asAuthor = (world: World) => accessFor(t.db, world.author);
const asPartner = (world: World) => accessFor(t.db, world.partner);
const asStranger = (world: World) => accessFor(t.db, world.stranger);
const NOT_AVAILABLE = "This shared item is not available.";
const NOT_YOURS_TO_ADD = "This shared item is not available, or only your partner can put it on the plan.";
const NOT_YOURS_ON_PLAN = "This item is not on your plan any more, or only your partner can change it.";

/** A world whose item is shared "just so you know" and is not on the plan. */
const justSoYouKnow = () => buildWorld(t.db, "shared summary", { sharedOnPlan: false });
const shareAgain = (world: World, intent: "JUST_SO_YOU_KNOW" | "LETS_TALK", depth: "BRIEF" | "HEADLINE" = "BRIEF") =>
  shareAsPreviewed(asAuthor(world), { summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth, intent, reflectionNote: null });
const partnersView = async (world: World) => (await listSharedItems(asPartner(world))).find((item) => item.consentId === world.consentId);
const planTitles = async (world: World, who: "author" | "partner") => (await getPlan(accessFor(t.db, world[who]))).items.map((item) => item.title);

describe("the intent chosen at share time", () => {
  it("'just so you know' asks nothing: the item is shared, not on the agenda, and the partner may ask", async () => {
    const world = await justSoYouKnow();
    expect(await partnersView(world)).toMatchObject({ intent: "JUST_SO_YOU_KNOW", onPlan: false, talk: "can-ask", reply: null });
    expect(await planTitles(world, "partner")).toEqual(["Weekend plans"]);
  });

  it("'let's talk about it' puts the item on the agenda for both, in the same share", async () => {
    const world = await justSoYouKnow();
    const outcome = await shareAgain(world, "LETS_TALK");
    expect(outcome).toMatchObject({ outcome: "reshared", agenda: "on-agenda" });
    world.consentId = outcome.consentId;
    expect(await partnersView(world)).toMatchObject({ intent: "LETS_TALK", onPlan: true, talk: null });
    for (const who of ["author", "partner"] as const) expect(await planTitles(world, who)).toEqual(["Weekend plans", world.draft.title]);
  });

  it("'let's talk about it' on a full plan still shares, says it could not go on the agenda, and adds nothing", async () => {
    const world = await justSoYouKnow();
    const held = await t.db.planItem.count({ where: { coupleId: world.coupleId } });
    await t.db.planItem.createMany({
      data: Array.from({ length: CAPS.planItems - held }, (_, i) => ({ coupleId: world.coupleId, addedById: world.partner.id, topicTitle: `Topic ${i}`, position: held + i })),
    });
    const outcome = await shareAgain(world, "LETS_TALK", "HEADLINE");
    expect(outcome).toMatchObject({ outcome: "reshared", agenda: "plan-full" });
    world.consentId = outcome.consentId;
    expect(await partnersView(world)).toMatchObject({ intent: "LETS_TALK", onPlan: false, talk: null });
    expect(await t.db.planItem.count({ where: { coupleId: world.coupleId } })).toBe(CAPS.planItems);
  });

  it("changing only the intent is a new consent (a reshare), and the author's history records each", async () => {
    const world = await justSoYouKnow();
    expect(await shareAgain(world, "JUST_SO_YOU_KNOW")).toMatchObject({ outcome: "unchanged", agenda: null });
    expect(await shareAgain(world, "LETS_TALK")).toMatchObject({ outcome: "reshared" });
    expect((await listMyConsentHistory(asAuthor(world))).map((consent) => consent.sharedIntent)).toEqual(["LETS_TALK", "JUST_SO_YOU_KNOW"]);
  });
});

describe("only the author moves their disclosure", () => {
  it("the partner cannot put the author's item on the plan, mark it discussed or take it off; nothing changes", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const offPlan = await justSoYouKnow();
    const before = [await footprint(t.db, world), await footprint(t.db, offPlan)];
    await expect(addSharedItemToPlan(asPartner(offPlan), offPlan.consentId!)).rejects.toThrow(NOT_YOURS_TO_ADD);
    await expect(setDiscussed(asPartner(world), world.planItemId!, true)).rejects.toThrow(NOT_YOURS_ON_PLAN);
    await expect(removeFromPlan(asPartner(world), world.planItemId!)).rejects.toThrow(NOT_YOURS_ON_PLAN);
    expect([await footprint(t.db, world), await footprint(t.db, offPlan)]).toEqual(before);
  });

  it("a stranger can do none of it either", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const before = await footprint(t.db, world);
    await expect(addSharedItemToPlan(asStranger(world), world.consentId!)).rejects.toThrow(NOT_YOURS_TO_ADD);
    await expect(setDiscussed(asStranger(world), world.planItemId!, true)).rejects.toThrow(NOT_YOURS_ON_PLAN);
    await expect(removeFromPlan(asStranger(world), world.planItemId!)).rejects.toThrow(NOT_YOURS_ON_PLAN);
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("the author marks, unmarks and takes off their own item; both partners still reorder it", async () => {
    const world = await buildWorld(t.db, "shared summary");
    await setDiscussed(asAuthor(world), world.planItemId!, true);
    expect((await getPlan(asPartner(world))).items.find((item) => item.id === world.planItemId)).toMatchObject({ discussed: true, decidedBy: "Sam" });
    await setDiscussed(asAuthor(world), world.planItemId!, false);
    await moveItem(asPartner(world), world.planItemId!, "up");
    expect(await planTitles(world, "author")).toEqual([world.draft.title, "Weekend plans"]);
    await removeFromPlan(asAuthor(world), world.planItemId!);
    expect(await planTitles(world, "partner")).toEqual(["Weekend plans"]);
    expect(await partnersView(world)).toMatchObject({ onPlan: false });
  });

  it("topics stay both partners': either marks or takes off the other's topic", async () => {
    const world = await buildWorld(t.db, "shared summary");
    await addTopics(asAuthor(world), [{ title: "Sam's topic", detail: null }]);
    const plan = await getPlan(asPartner(world));
    const partnersTopic = plan.items.find((item) => item.title === "Weekend plans")!;
    const authorsTopic = plan.items.find((item) => item.title === "Sam's topic")!;
    expect([partnersTopic.decidedBy, authorsTopic.decidedBy]).toEqual([null, null]);
    await setDiscussed(asPartner(world), authorsTopic.id, true);
    await removeFromPlan(asAuthor(world), partnersTopic.id);
    expect(await planTitles(world, "partner")).toEqual([world.draft.title, "Sam's topic"]);
  });

  it("the plan tells the partner who decides, and offers only the person's own shared items to add", async () => {
    const world = await justSoYouKnow();
    expect((await getPlan(asPartner(world))).sharedNotOnPlan).toEqual([]);
    expect((await getPlan(asAuthor(world))).sharedNotOnPlan).toEqual([{ consentId: world.consentId, title: world.draft.title }]);
    await addSharedItemToPlan(asAuthor(world), world.consentId!);
    const item = (await getPlan(asPartner(world))).items.find((one) => one.kind === "shared");
    expect(item).toMatchObject({ decidedBy: "Sam" });
    expect((await getPlan(asAuthor(world))).items.find((one) => one.kind === "shared")).toMatchObject({ decidedBy: null });
  });
});

describe("the partner asks to talk about it", () => {
  it("asks once; the author sees the request; asking again is refused and changes nothing", async () => {
    const world = await justSoYouKnow();
    await askToTalk(asPartner(world), world.consentId!);
    expect(await partnersView(world)).toMatchObject({ talk: "asked" });
    expect((await listSharedItems(asAuthor(world)))[0]).toMatchObject({ talk: "ASKED" });
    const before = await footprint(t.db, world);
    await expect(askToTalk(asPartner(world), world.consentId!)).rejects.toThrow("You have asked about this already. It is Sam's choice now.");
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("the author cannot ask about their own item, nor a stranger about anything", async () => {
    const world = await justSoYouKnow();
    const before = await footprint(t.db, world);
    await expect(askToTalk(asAuthor(world), world.consentId!)).rejects.toThrow(NOT_AVAILABLE);
    await expect(askToTalk(asStranger(world), world.consentId!)).rejects.toThrow(NOT_AVAILABLE);
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("there is nothing to ask about an item already on the agenda, or one the author wants to talk about", async () => {
    const onPlan = await buildWorld(t.db, "shared summary");
    await expect(askToTalk(asPartner(onPlan), onPlan.consentId!)).rejects.toThrow("This is on your agenda already.");
    const world = await justSoYouKnow();
    const { consentId } = await shareAgain(world, "LETS_TALK");
    await removeFromPlan(asAuthor(world), (await t.db.planItem.findUniqueOrThrow({ where: { consentId } })).id);
    await expect(askToTalk(asPartner(world), consentId)).rejects.toThrow("Sam decides when this goes on the agenda.");
  });

  it("accepting puts the item on the agenda for both", async () => {
    const world = await buildWorld(t.db, "shared summary", { talkRequested: true });
    await answerTalkRequest(asAuthor(world), world.consentId!, "accept");
    expect(await planTitles(world, "partner")).toEqual(["Weekend plans", world.draft.title]);
    expect(await partnersView(world)).toMatchObject({ onPlan: true, talk: "answered" });
  });

  it("declining keeps it as just so you know, and the partner cannot tell a decline from an accepted item later taken off", async () => {
    const declined = await buildWorld(t.db, "shared summary", { talkRequested: true });
    await answerTalkRequest(asAuthor(declined), declined.consentId!, "decline");
    const accepted = await buildWorld(t.db, "shared summary", { talkRequested: true });
    await answerTalkRequest(asAuthor(accepted), accepted.consentId!, "accept");
    await removeFromPlan(asAuthor(accepted), (await t.db.planItem.findUniqueOrThrow({ where: { consentId: accepted.consentId! } })).id);

    const seen = [await partnersView(declined), await partnersView(accepted)];
    expect(seen[0]).toMatchObject({ onPlan: false, talk: "answered" });
    const comparable = (item: (typeof seen)[number], world: World) => JSON.stringify(item).replaceAll(world.consentId!, "ID").replace(/[A-Z]+TITLE[0-9a-f]+|[A-Z]+BODY[0-9a-f]+/g, "MARK");
    expect(comparable(seen[0], declined)).toEqual(comparable(seen[1], accepted));
    expect(JSON.stringify(await listSharedItems(asPartner(declined)))).not.toMatch(/DECLINED|ACCEPTED|ASKED|talkAnsweredAt|talkRequestedAt/);
    expect((await listSharedItems(asAuthor(declined)))[0]).toMatchObject({ talk: "DECLINED" });
  });

  it("only the author answers, only an open request, and nothing changes when refused", async () => {
    const world = await buildWorld(t.db, "shared summary", { talkRequested: true });
    const before = await footprint(t.db, world);
    for (const who of [asPartner, asStranger]) {
      await expect(answerTalkRequest(who(world), world.consentId!, "accept")).rejects.toThrow(NOT_AVAILABLE);
    }
    expect(await footprint(t.db, world)).toEqual(before);
    const unasked = await justSoYouKnow();
    await expect(answerTalkRequest(asAuthor(unasked), unasked.consentId!, "decline")).rejects.toThrow("There is no open request to answer on this item.");
    await answerTalkRequest(asAuthor(world), world.consentId!, "decline");
    await expect(answerTalkRequest(asAuthor(world), world.consentId!, "accept")).rejects.toThrow("There is no open request to answer on this item.");
  });

  it("accepting on a full plan is refused with the plan's own sentence, and the request stays open", async () => {
    const world = await buildWorld(t.db, "shared summary", { talkRequested: true });
    const held = await t.db.planItem.count({ where: { coupleId: world.coupleId } });
    await t.db.planItem.createMany({
      data: Array.from({ length: CAPS.planItems - held }, (_, i) => ({ coupleId: world.coupleId, addedById: world.partner.id, topicTitle: `Topic ${i}`, position: held + i })),
    });
    await expect(answerTalkRequest(asAuthor(world), world.consentId!, "accept")).rejects.toThrow("Remove some you have talked about to make room.");
    expect(await partnersView(world)).toMatchObject({ talk: "asked", onPlan: false });
  });

  it("the author putting the item on the agenda answers an open request", async () => {
    const world = await buildWorld(t.db, "shared summary", { talkRequested: true });
    await addSharedItemToPlan(asAuthor(world), world.consentId!);
    expect((await listSharedItems(asAuthor(world)))[0]).toMatchObject({ talk: "ACCEPTED", onPlan: true });
  });

  it("a withdrawn item takes its request with it, and a reshare starts afresh", async () => {
    const world = await buildWorld(t.db, "shared summary", { talkRequested: true });
    await unshareSummary(asAuthor(world), world.summaryId!);
    expect(await t.db.shareConsent.findUniqueOrThrow({ where: { id: world.consentId! }, select: { talkRequest: true, talkRequestedAt: true } })).toEqual({
      talkRequest: null,
      talkRequestedAt: null,
    });
    expect(await listSharedItems(asPartner(world))).toEqual([]);
    await expect(answerTalkRequest(asAuthor(world), world.consentId!, "accept")).rejects.toThrow(NOT_AVAILABLE);
    const { consentId } = await shareAgain(world, "JUST_SO_YOU_KNOW");
    expect((await listSharedItems(asPartner(world)))[0]).toMatchObject({ consentId, talk: "can-ask" });
  });
});

describe("the partner's warm reply", () => {
  it("the partner replies with one of the fixed words; the author sees it on their own card", async () => {
    const world = await justSoYouKnow();
    await replyToSharedItem(asPartner(world), world.consentId!, "HERE_WHEN_READY");
    expect(await partnersView(world)).toMatchObject({ reply: "HERE_WHEN_READY" });
    expect((await listSharedItems(asAuthor(world)))[0]).toMatchObject({ byMe: true, reply: "HERE_WHEN_READY" });
    expect((await listMyConsentHistory(asAuthor(world)))[0]).toMatchObject({ reply: "HERE_WHEN_READY", repliedAt: expect.any(Date) });
  });

  it("once per item: a second reply is refused and changes nothing", async () => {
    const world = await justSoYouKnow();
    await replyToSharedItem(asPartner(world), world.consentId!, "THANK_YOU");
    const before = await footprint(t.db, world);
    await expect(replyToSharedItem(asPartner(world), world.consentId!, "GLAD_YOU_SHARED")).rejects.toThrow("You have already replied to this.");
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("the author cannot reply to their own item, nor a stranger to anything", async () => {
    const world = await justSoYouKnow();
    const before = await footprint(t.db, world);
    await expect(replyToSharedItem(asAuthor(world), world.consentId!, "THANK_YOU")).rejects.toThrow(NOT_AVAILABLE);
    await expect(replyToSharedItem(asStranger(world), world.consentId!, "THANK_YOU")).rejects.toThrow(NOT_AVAILABLE);
    expect(await footprint(t.db, world)).toEqual(before);
  });
});
