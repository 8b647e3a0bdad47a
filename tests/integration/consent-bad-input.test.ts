/**
 * Bad input for couples, sharing and the plan (issue 3): forged and stale invite links, forged
 * ids, oversize text, unknown choices, withdrawn consents and double submits. Each gets a
 * clear message or a not-found, and changes nothing.
 */
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { acceptInviteAction, leaveCoupleAction } from "@/app/couple/actions";
import InvitePage from "@/app/invite/[token]/page";
import {
  addCheckInTemplateAction,
  addSharedItemAction,
  addTopicAction,
  moveItemAction,
  removeItemAction,
  setConversationTimeAction,
  setDiscussedAction,
} from "@/app/plan/actions";
import { addSharedToPlanAction, answerTalkRequestAction, askToTalkAction, replyAction } from "@/app/shared/actions";
import {
  createSummaryAction,
  deleteSummaryAction,
  shareSummaryAction,
  unshareSummaryAction,
  updateSummaryAction,
} from "@/app/summaries/actions";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { askToTalk, replyToSharedItem, unshareSummary } from "@/lib/data/consent";
import { INVITE_LIFETIME_MS, acceptInvite, createInvite, leaveCouple, previewInvite, revokeMyInvites } from "@/lib/data/couples";
import { addSharedItemToPlan, setDiscussed } from "@/lib/data/plan";
import { pageResult } from "../support/access-matrix";
import { buildWorld, footprint, type World } from "../support/consent-world";
import { signInAs, signOut } from "../support/browser";
import { outcomeOf } from "../support/next-control-flow";
import { setUpEdgeTestDb } from "../support/edge-test-db";
import { accessFor, createUser } from "../support/users";
import { postedDepthFor, shareAsPreviewed, UNPREVIEWED_BRIEF } from "../support/share";

vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

type Action = (previous: FormState, form: FormData) => Promise<FormState>;
const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
};
const post = (action: Action, fields: Record<string, string | string[]>) => outcomeOf(() => action(IDLE, form(fields)));
const refusedWith = (message: string | RegExp) => ({ kind: "returned", value: { status: "error", message: expect.stringMatching(message) } });

/** All couples, memberships and invites in this file's database: a refused link must leave them as they were. */
async function linking() {
  const [couples, members, invites] = await Promise.all([
    t.db.couple.findMany({ orderBy: { id: "asc" } }),
    t.db.coupleMember.findMany({ orderBy: { userId: "asc" } }),
    t.db.coupleInvite.findMany({ orderBy: { id: "asc" } }),
  ]);
  return { couples, members, invites };
}

const PROBLEMS = {
  unknown: "This invite link is not valid. Ask your partner for a new one.",
  expired: "This invite link has expired. Ask your partner for a new one.",
  used: "This invite link has already been used.",
  revoked: "This invite link was withdrawn. Ask your partner for a new one.",
  own: "This is your own invite link. Send it to your partner to link up.",
  alreadyLinked: "You are already linked with a partner. Leave that couple first.",
};

describe("invite links that do not work", () => {
  async function twoPeople() {
    const inviter = await createUser(t.db, "Inviter");
    const invitee = await createUser(t.db, "Invitee");
    return { inviter, invitee, asInviter: accessFor(t.db, inviter), asInvitee: accessFor(t.db, invitee) };
  }

  async function expectRefusal(token: string, message: string, as: { id: string; email: string; displayName: string }) {
    const before = await linking();
    await expect(acceptInvite(accessFor(t.db, as), token)).rejects.toThrow(message);
    await signInAs(as);
    expect(await post(acceptInviteAction, { token })).toMatchObject(refusedWith(message));
    expect(await linking()).toEqual(before);
  }

  it.each([
    ["garbage", "garbage"],
    ["a forged token of the right shape", randomBytes(32).toString("base64url")],
    ["an injection attempt", "' OR '1'='1"],
    ["unicode", "🔗🔗🔗"],
  ])("refuses %s as not valid, and links no one", async (_case, token) => {
    const { invitee } = await twoPeople();
    await expectRefusal(token, PROBLEMS.unknown, invitee);
    expect(await previewInvite({ db: t.db }, token)).toEqual({ status: "unknown", inviterName: null, problem: PROBLEMS.unknown });
  });

  it("the stored hash is not itself a working link", async () => {
    const { asInviter, invitee } = await twoPeople();
    const invite = await createInvite(asInviter);
    const { tokenHash } = await t.db.coupleInvite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(tokenHash).not.toContain(invite.token);
    await expectRefusal(tokenHash, PROBLEMS.unknown, invitee);
  });

  it("refuses an empty or over-long token before looking it up", async () => {
    const { invitee } = await twoPeople();
    await signInAs(invitee);
    const before = await linking();
    for (const token of ["", "   ", "x".repeat(201)]) {
      expect(await post(acceptInviteAction, { token })).toMatchObject({ kind: "returned", value: { status: "error", fieldErrors: { token: expect.any(Array) } } });
    }
    expect(await linking()).toEqual(before);
  });

  it("an invite works until it expires after seven days, and not after", async () => {
    const { asInviter, invitee } = await twoPeople();
    const created = new Date("2024-03-01T12:00:00Z");
    const invite = await createInvite(asInviter, { now: created });
    const expiry = new Date(created.getTime() + INVITE_LIFETIME_MS);
    expect(invite.expiresAt).toEqual(expiry);
    expect((await previewInvite({ db: t.db }, invite.token, new Date(expiry.getTime() - 1))).status).toBe("open");
    const before = await linking();
    await expect(acceptInvite(accessFor(t.db, invitee), invite.token, expiry)).rejects.toThrow(PROBLEMS.expired);
    await expect(acceptInvite(accessFor(t.db, invitee), invite.token)).rejects.toThrow(PROBLEMS.expired);
    expect(await linking()).toEqual(before);
  });

  it("a used invite cannot link a third person into the couple", async () => {
    const { asInviter, asInvitee } = await twoPeople();
    const third = await createUser(t.db, "Third");
    const invite = await createInvite(asInviter);
    await acceptInvite(asInvitee, invite.token);
    await expectRefusal(invite.token, PROBLEMS.used, third);
    expect(await t.db.coupleMember.count({ where: { userId: third.id } })).toBe(0);
  });

  it("accepting the same invite twice (a double submit) links once and then says it is used", async () => {
    const { asInviter, invitee } = await twoPeople();
    const invite = await createInvite(asInviter);
    await signInAs(invitee);
    expect(await post(acceptInviteAction, { token: invite.token })).toEqual({ kind: "redirect", url: "/welcome?linked=1" });
    expect(await post(acceptInviteAction, { token: invite.token })).toMatchObject(refusedWith(PROBLEMS.used));
    expect(await t.db.coupleMember.count({ where: { userId: invitee.id } })).toBe(1);
  });

  it("a withdrawn invite, or one replaced by a newer link, no longer works", async () => {
    const { asInviter, invitee } = await twoPeople();
    const replaced = await createInvite(asInviter);
    const withdrawn = await createInvite(asInviter);
    expect(await revokeMyInvites(asInviter)).toBe(1);
    await expectRefusal(replaced.token, PROBLEMS.revoked, invitee);
    await expectRefusal(withdrawn.token, PROBLEMS.revoked, invitee);
  });

  it("one's own invite cannot be accepted", async () => {
    const { inviter, asInviter } = await twoPeople();
    const invite = await createInvite(asInviter);
    await expectRefusal(invite.token, PROBLEMS.own, inviter);
  });

  it("a user already in a couple cannot accept another invite, and that invite stays open", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const { asInviter } = await twoPeople();
    const invite = await createInvite(asInviter);
    await expectRefusal(invite.token, PROBLEMS.alreadyLinked, world.partner);
    expect((await previewInvite({ db: t.db }, invite.token)).status).toBe("open");
  });

  it("a member of a couple cannot create an invite for a third person", async () => {
    const world = await buildWorld(t.db, "draft summary");
    const before = await linking();
    await expect(createInvite(accessFor(t.db, world.author))).rejects.toThrow("You are already linked with a partner.");
    expect(await linking()).toEqual(before);
  });

  it("an open invite is withdrawn when its inviter links through someone else's invite", async () => {
    const { asInviter, invitee, asInvitee } = await twoPeople();
    const late = await createUser(t.db, "Late");
    const stale = await createInvite(asInviter);
    const other = await createInvite(asInvitee);
    await acceptInvite(asInviter, other.token);
    await expectRefusal(stale.token, PROBLEMS.revoked, late);
    expect(await t.db.coupleMember.count({ where: { userId: { in: [invitee.id] } } })).toBe(1);
  });

  it("the invite page shows the problem, and the inviter's name only while the link works", async () => {
    const { inviter, asInviter, asInvitee } = await twoPeople();
    const invite = await createInvite(asInviter);
    signOut();
    const open = await pageResult(() => InvitePage({ params: Promise.resolve({ token: invite.token }) }));
    expect(open.kind === "shown" && open.text).toContain(inviter.displayName);
    expect(open.kind === "shown" && open.text).toContain("Sign in to accept");
    await acceptInvite(asInvitee, invite.token);
    const used = await pageResult(() => InvitePage({ params: Promise.resolve({ token: invite.token }) }));
    expect(used.kind === "shown" && used.text).toContain(PROBLEMS.used);
    expect(used.kind === "shown" && used.text).not.toContain(inviter.displayName);
    const garbage = await pageResult(() => InvitePage({ params: Promise.resolve({ token: "nonsense".repeat(100) }) }));
    expect(garbage.kind === "shown" && garbage.text).toContain(PROBLEMS.unknown);
  });
});

describe("forged ids in forms", () => {
  const FORGED = ["not-a-uuid", "' OR 1=1 --", "00000000-0000-4000-8000-000000000000", "x".repeat(65), "", "   "];
  const actions: [string, Action, (id: string) => Record<string, string>][] = [
    ["updateSummaryAction", updateSummaryAction, (id) => ({ id, title: "T", body: "B", depth: "BRIEF", framing: "CONTENT_ONLY" })],
    ["deleteSummaryAction", deleteSummaryAction, (id) => ({ id })],
    ["shareSummaryAction", shareSummaryAction, (summaryId) => ({ summaryId, ownChoice: "yes", aboutMe: "yes", depth: UNPREVIEWED_BRIEF })],
    ["unshareSummaryAction", unshareSummaryAction, (summaryId) => ({ summaryId })],
    ["replyAction", replyAction, (consentId) => ({ consentId, reply: "THANK_YOU" })],
    ["askToTalkAction", askToTalkAction, (consentId) => ({ consentId })],
    ["answerTalkRequestAction", answerTalkRequestAction, (consentId) => ({ consentId, answer: "accept" })],
    ["addSharedToPlanAction", addSharedToPlanAction, (consentId) => ({ consentId })],
    ["addSharedItemAction", addSharedItemAction, (consentId) => ({ consentId })],
    ["setDiscussedAction", setDiscussedAction, (itemId) => ({ itemId, discussed: "yes" })],
    ["moveItemAction", moveItemAction, (itemId) => ({ itemId, direction: "up" })],
    ["removeItemAction", removeItemAction, (itemId) => ({ itemId })],
    ["createSummaryAction (noteId)", createSummaryAction, (noteId) => ({ noteId, title: "T", body: "B", depth: "BRIEF", framing: "CONTENT_ONLY" })],
  ];
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(t.db, "shared summary");
  });

  describe.each(actions)("%s", (name, action, fields) => {
    // An empty noteId is how the form says "a standalone summary", so it is not forged there.
    const forged = name.startsWith("createSummaryAction") ? FORGED.filter((id) => id !== "") : FORGED;
    it.each(forged)("refuses the id %j with a message, and changes nothing", async (id) => {
      for (const who of ["author", "partner"] as const) {
        await signInAs(world[who]);
        const before = await footprint(t.db, world);
        const outcome = await post(action, fields(id));
        expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", message: expect.any(String) } });
        expect(await footprint(t.db, world)).toEqual(before);
      }
    });
  });
});

describe("oversize text and unknown choices", () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(t.db, "draft summary");
  });
  const validSummary = { title: "A headline", body: "A few lines", depth: "BRIEF", framing: "CONTENT_ONLY" };

  it.each([
    ["a private label over 120 characters", { privateLabel: "x".repeat(121) }, "privateLabel", "Keep the private label under 120 characters."],
    ["a headline over 200 characters", { title: "x".repeat(201) }, "title", "Keep the headline under 200 characters."],
    ["a summary over 10,000 characters", { body: "x".repeat(10_001) }, "body", "Keep the summary under 10,000 characters."],
    ["a reason over 1,000 characters", { whyText: "x".repeat(1_001) }, "whyText", "Keep this under 1,000 characters."],
    ["depth EVERYTHING", { depth: "EVERYTHING" }, "depth", "Choose how much you want to share."],
    ["framing LOUD", { framing: "LOUD" }, "framing", "Choose how to frame it."],
    ["response wish SHOUT", { responseWish: "SHOUT" }, "responseWish", "Choose how you would like your partner to respond."],
    ["reason REVENGE", { whyReasons: ["FEEL_CLOSER", "REVENGE"] }, "whyReasons", "Choose reasons from the list."],
  ])("a summary with %s is refused with a message on that field, and nothing is saved", async (_case, change, field, message) => {
    await signInAs(world.author);
    const before = await footprint(t.db, world);
    for (const [action, extra] of [
      [createSummaryAction, {}],
      [updateSummaryAction, { id: world.summaryId! }],
    ] as const) {
      const outcome = await post(action, { ...validSummary, ...extra, ...change });
      expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", fieldErrors: { [field]: [message] } } });
    }
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("a share at depth EVERYTHING is refused, and nothing is shared", async () => {
    await signInAs(world.author);
    const before = await footprint(t.db, world);
    const outcome = await post(shareSummaryAction, { summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth: "EVERYTHING" });
    expect(outcome).toMatchObject({ kind: "returned", value: { status: "error", fieldErrors: { depth: ["Choose how much you want to share."] } } });
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("a share asking something that is neither 'just so you know' nor 'let's talk' is refused, and nothing is shared", async () => {
    await signInAs(world.author);
    const before = await footprint(t.db, world);
    const depth = await postedDepthFor(accessFor(t.db, world.author), world.summaryId!, "BRIEF");
    const outcome = await post(shareSummaryAction, { summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth, intent: "MUST_DISCUSS" });
    expect(outcome).toMatchObject({
      kind: "returned",
      value: { status: "error", fieldErrors: { intent: ["Choose whether this is just so you know, or something to talk about."] } },
    });
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it.each([
    ["a topic over 200 characters", addTopicAction, { title: "x".repeat(201) }, "title", "Keep the topic under 200 characters."],
    ["a topic detail over 1,000 characters", addTopicAction, { title: "Fine", detail: "x".repeat(1_001) }, "detail", "Keep the detail under 1,000 characters."],
    ["an empty topic", addTopicAction, { title: "   " }, "title", "Name the topic."],
    ["a move sideways", moveItemAction, { itemId: "any", direction: "sideways" }, "direction", "Choose up or down."],
    ["discussed = maybe", setDiscussedAction, { itemId: "any", discussed: "maybe" }, "discussed", "Choose discussed or not."],
    ["a reply that is not one of the few", replyAction, { consentId: "any", reply: "WHATEVER" }, "reply", "Choose one of the replies."],
    ["an answer that is neither", answerTalkRequestAction, { consentId: "any", answer: "maybe" }, "answer", "Choose to put it on the agenda or keep it as just so you know."],
    ["a time that is not a time", setConversationTimeAction, { conversationAt: "next tuesday" }, "conversationAt", "Enter a date and time."],
    ["a time in 1850", setConversationTimeAction, { conversationAt: "1850-01-01T10:00" }, "conversationAt", "Enter a real date and time."],
  ])("the plan refuses %s with a message, and changes nothing", async (_case, action, fields, field, message) => {
    await signInAs(world.partner);
    const before = await footprint(t.db, world);
    expect(await post(action as Action, fields)).toMatchObject({ kind: "returned", value: { status: "error", fieldErrors: { [field]: [message] } } });
    expect(await footprint(t.db, world)).toEqual(before);
  });
});

describe("withdrawn consents and repeated submits", () => {
  const NOT_AVAILABLE = "This shared item is not available.";

  it("a withdrawn item cannot be replied to, asked about, or put on the plan", async () => {
    const world = await buildWorld(t.db, "withdrawn summary");
    const before = await footprint(t.db, world);
    await expect(replyToSharedItem(accessFor(t.db, world.partner), world.consentId!, "THANK_YOU")).rejects.toThrow(NOT_AVAILABLE);
    await expect(askToTalk(accessFor(t.db, world.partner), world.consentId!)).rejects.toThrow(NOT_AVAILABLE);
    await expect(addSharedItemToPlan(accessFor(t.db, world.author), world.consentId!)).rejects.toThrow("This shared item is not available, or only your partner can put it on the plan.");
    await signInAs(world.partner);
    for (const [action, extra] of [[replyAction, { reply: "THANK_YOU" }], [askToTalkAction, {}]] as const) {
      expect(await post(action, { consentId: world.consentId!, ...extra })).toMatchObject(refusedWith(NOT_AVAILABLE));
    }
    await signInAs(world.author);
    for (const [action, extra] of [[addSharedToPlanAction, {}], [addSharedItemAction, {}], [answerTalkRequestAction, { answer: "accept" }]] as const) {
      expect(await post(action, { consentId: world.consentId!, ...extra })).toMatchObject(refusedWith(NOT_AVAILABLE));
    }
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("a withdrawn item's old place on the plan is gone", async () => {
    const world = await buildWorld(t.db, "withdrawn summary");
    for (const who of ["author", "partner"] as const) {
      await expect(setDiscussed(accessFor(t.db, world[who]), world.planItemId!, true)).rejects.toThrow("This item is not on your plan any more, or only your partner can change it.");
    }
  });

  it("unsharing twice: the second time says there is nothing to withdraw", async () => {
    const world = await buildWorld(t.db, "shared summary");
    await unshareSummary(accessFor(t.db, world.author), world.summaryId!);
    const before = await footprint(t.db, world);
    await signInAs(world.author);
    expect(await post(unshareSummaryAction, { summaryId: world.summaryId! })).toMatchObject(
      refusedWith("This summary is not shared right now, so there is nothing to withdraw."),
    );
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("after the couple ends, nothing can be shared into it and its items cannot be touched", async () => {
    const world = await buildWorld(t.db, "after leaving the couple");
    const before = await footprint(t.db, world);
    await expect(shareAsPreviewed(accessFor(t.db, world.author), { summaryId: world.summaryId!, ownChoice: "yes", aboutMe: "yes", depth: "BRIEF", reflectionNote: null })).rejects.toThrow(
      "You are not linked with a partner.",
    );
    await signInAs(world.partner);
    expect(await post(replyAction, { consentId: world.consentId!, reply: "THANK_YOU" })).toMatchObject(refusedWith(NOT_AVAILABLE));
    expect(await post(askToTalkAction, { consentId: world.consentId! })).toMatchObject(refusedWith(NOT_AVAILABLE));
    expect(await post(addTopicAction, { title: "Anything" })).toMatchObject(refusedWith("You are not linked with a partner."));
    expect(await post(addCheckInTemplateAction, {})).toMatchObject(refusedWith("You are not linked with a partner."));
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("leaving twice: the second time says there is no couple, and changes nothing", async () => {
    const world = await buildWorld(t.db, "shared summary");
    await leaveCouple(accessFor(t.db, world.partner));
    const before = await footprint(t.db, world);
    await signInAs(world.author);
    expect(await post(leaveCoupleAction, { confirm: "leave" })).toMatchObject(refusedWith("You are not linked with a partner."));
    expect(await footprint(t.db, world)).toEqual(before);
  });

  it("adding a shared item to the plan twice keeps one entry and says it is already there", async () => {
    const world = await buildWorld(t.db, "shared summary", { sharedOnPlan: false });
    await signInAs(world.author);
    expect(await post(addSharedToPlanAction, { consentId: world.consentId! })).toMatchObject({ kind: "returned", value: { status: "ok" } });
    expect(await post(addSharedItemAction, { consentId: world.consentId! })).toMatchObject(refusedWith("This item is already on the plan."));
    expect(await t.db.planItem.count({ where: { consentId: world.consentId } })).toBe(1);
  });
});
