import "server-only";
import {
  DEFAULT_GROUND_RULES,
  DEFAULT_STEPS,
  joinLines,
  mayAccept,
  sameLines,
  splitLines,
} from "@/lib/conversation/guide";
import { pauseEnds, type PauseMinutes } from "@/lib/conversation/pause";
import {
  currentStopIndex,
  firstSpeaker,
  mayMarkDiscussed,
  neighbour,
  otherPartner,
  positionOf,
  stopsOf,
  type AgendaEntry,
  type Stop,
} from "@/lib/conversation/turns";
import type { Access } from "./access";
import { sharedInto } from "./consent";
import { requireMyCouple, type MyCouple } from "./couples";
import { DomainError, notFound } from "./errors";
import { getConversationAgenda, setDiscussed, takeDiscussedOffPlan } from "./plan";
import { isUniqueViolation } from "./transactions";

/**
 * The guided conversation (decision 039). A conversation row holds where the couple is, whose
 * turn it is and any pause; the items themselves are read each time through the plan's
 * consent-filtered query, so a withdrawn item is gone from a conversation in progress at once.
 * No disclosure's words are ever copied here: a closed conversation keeps consent ids (read
 * back only while still shared) and topic titles.
 */

const NO_CONVERSATION = "There is no conversation going on. Start one from your plan.";
const NOT_MARKABLE = "You can't mark this one: a shared item is marked discussed by the person who shared it, while it is on your plan.";
const MOVED_ON = "Your partner moved things on a moment ago. Here is where you are now.";

type Pair = readonly [string, string];

function pairOf(access: Access, couple: MyCouple): Pair {
  if (!couple.partner) throw new DomainError("conflict", "A conversation needs both of you: your partner is not linked any more.");
  return [access.userId, couple.partner.id];
}

async function readGuide(access: Access, couple: Pick<MyCouple, "id">) {
  const guide = await access.db.conversationGuide.findUnique({ where: { coupleId: couple.id } });
  const steps = splitLines(guide?.steps ?? null, DEFAULT_STEPS);
  const rules = splitLines(guide?.groundRules ?? null, DEFAULT_GROUND_RULES);
  const proposal =
    guide?.proposedAt && guide.proposedById
      ? {
          steps: splitLines(guide.proposedSteps, DEFAULT_STEPS),
          rules: splitLines(guide.proposedRules, DEFAULT_GROUND_RULES),
          proposedById: guide.proposedById,
          proposedAt: guide.proposedAt,
        }
      : null;
  return { steps, rules, proposal, agreedAt: guide?.agreedAt ?? null };
}

function openConversationOf(access: Access, couple: Pick<MyCouple, "id">) {
  return access.db.conversation.findUnique({ where: { openCoupleId: couple.id } });
}

function entriesOf(agenda: Awaited<ReturnType<typeof getConversationAgenda>>): AgendaEntry[] {
  return agenda.map((item) => ({ id: item.id, broughtById: item.broughtById, discussed: item.discussedAt !== null, responseWish: item.responseWish }));
}

/** The couple's guide as the pages show it: the agreed steps and rules, and any open proposal. */
export async function getConversationGuide(access: Access) {
  const couple = await requireMyCouple(access);
  const guide = await readGuide(access, couple);
  return {
    ...guide,
    partnerName: couple.partner?.displayName ?? "Your partner",
    proposal: guide.proposal ? { ...guide.proposal, byMe: guide.proposal.proposedById === access.userId } : null,
  };
}

/**
 * Everything the conversation page shows: the open conversation (or none), the stop the couple
 * is at, whose turn it is, the pause, and the guide. Read afresh on each visit and refresh, so
 * two devices show the same state.
 */
export async function getConversation(access: Access) {
  const couple = await requireMyCouple(access);
  const [conversation, guide, agenda] = await Promise.all([
    openConversationOf(access, couple),
    readGuide(access, couple),
    getConversationAgenda(access, couple),
  ]);
  const partnerName = couple.partner?.displayName ?? "Your partner";
  const whoIs = (userId: string) => (userId === access.userId ? ("me" as const) : ("partner" as const));
  const base = { partnerName, guide, openItems: agenda.filter((item) => item.discussedAt === null).length };
  if (!conversation) return { ...base, conversation: null };
  const entries = entriesOf(agenda);
  const stops = stopsOf(guide.steps.length, entries);
  const index = currentStopIndex(conversation.position, guide.steps.length, entries);
  const stop = index === -1 ? null : (stops[index] as Stop);
  const item = stop?.kind === "item" ? agenda.find((entry) => entry.id === stop.itemId) : undefined;
  // A stored turn belongs to the stored stop; if that stop is gone, the new one starts afresh.
  const sameStop = stop !== null && positionOf(stop) === conversation.position;
  const speakerId = stop && !sameStop ? firstSpeaker(stop, entries, conversation.startedById) : conversation.speakerId;
  return {
    ...base,
    conversation: {
      id: conversation.id,
      startedAt: conversation.startedAt,
      position: stop ? positionOf(stop) : conversation.position,
      stopNumber: index + 1,
      stopCount: stops.length,
      speakerId,
      mySpeakingTurn: speakerId === access.userId,
      pauseUntil: conversation.pauseUntil,
      pausedBy: conversation.pausedById ? whoIs(conversation.pausedById) : null,
      step: stop?.kind === "opening" ? { text: guide.steps[stop.index] ?? "" } : null,
      item: item
        ? {
            id: item.id,
            kind: item.kind,
            title: item.title,
            detail: item.detail,
            broughtBy: whoIs(item.broughtById),
            responseWish: item.responseWish,
            discussed: item.discussedAt !== null,
            mayMarkDiscussed: mayMarkDiscussed(item, access.userId),
          }
        : null,
      hasPrevious: index > 0,
      hasNext: index !== -1 && index < stops.length - 1,
    },
  };
}

/**
 * Starts the couple's conversation, or joins the one already open (both pressing Start at
 * once end up in the same conversation: the database allows one open per couple).
 */
export async function startConversation(access: Access, now = new Date()): Promise<{ id: string }> {
  const couple = await requireMyCouple(access);
  pairOf(access, couple);
  const existing = await openConversationOf(access, couple);
  if (existing) return { id: existing.id };
  const [guide, agenda] = await Promise.all([readGuide(access, couple), getConversationAgenda(access, couple)]);
  const entries = entriesOf(agenda);
  const stops = stopsOf(guide.steps.length, entries);
  // The opening's first step, or with no opening the first item not yet discussed.
  const first: Stop =
    guide.steps.length > 0 ? { kind: "opening", index: 0 } : (stops[currentStopIndex("", 0, entries)] ?? { kind: "opening", index: 0 });
  try {
    return await access.db.conversation.create({
      data: {
        coupleId: couple.id,
        openCoupleId: couple.id,
        startedById: access.userId,
        startedAt: now,
        position: positionOf(first),
        speakerId: firstSpeaker(first, entries, access.userId),
      },
      select: { id: true },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const open = await openConversationOf(access, couple);
    if (!open) throw error;
    return { id: open.id };
  }
}

async function requireOpen(access: Access) {
  const couple = await requireMyCouple(access);
  const conversation = await openConversationOf(access, couple);
  if (!conversation) throw notFound(NO_CONVERSATION);
  return { couple, conversation };
}

/**
 * Moves to the next or previous stop. `from` is the stop the person saw: if their partner moved
 * on meanwhile, nothing changes and they are told, so two taps on two phones never skip an item.
 */
export async function moveConversation(access: Access, from: string, direction: "next" | "previous"): Promise<void> {
  const { couple, conversation } = await requireOpen(access);
  const [guide, agenda] = await Promise.all([readGuide(access, couple), getConversationAgenda(access, couple)]);
  const entries = entriesOf(agenda);
  const stops = stopsOf(guide.steps.length, entries);
  const index = currentStopIndex(conversation.position, guide.steps.length, entries);
  const current = stops[index];
  if (!current || positionOf(current) !== from) throw new DomainError("conflict", MOVED_ON);
  const to = neighbour(stops, index, direction);
  if (!to) throw new DomainError("invalid", direction === "next" ? "This is the last item. You can close the conversation when you are ready." : "This is the first step.");
  const { count } = await access.db.conversation.updateMany({
    where: { id: conversation.id, openCoupleId: couple.id, position: conversation.position },
    data: { position: positionOf(to), speakerId: firstSpeaker(to, entries, conversation.startedById) },
  });
  if (count !== 1) throw new DomainError("conflict", MOVED_ON);
}

/** Passes the turn to the other partner, at the stop the person saw. */
export async function passTurn(access: Access, from: string): Promise<void> {
  const { couple, conversation } = await requireOpen(access);
  const pair = pairOf(access, couple);
  const view = await getConversation(access);
  if (!view.conversation || view.conversation.position !== from) throw new DomainError("conflict", MOVED_ON);
  const { count } = await access.db.conversation.updateMany({
    where: { id: conversation.id, openCoupleId: couple.id, position: conversation.position, speakerId: conversation.speakerId },
    data: { position: from, speakerId: otherPartner(view.conversation.speakerId, pair) },
  });
  if (count !== 1) throw new DomainError("conflict", MOVED_ON);
}

/**
 * Marks the item the couple is on as discussed, through the plan's own rule. A shared item is
 * marked by its author alone (SPEC C11): the partner is refused here too, whatever the form says.
 */
export async function markCurrentDiscussed(access: Access, itemId: string, now = new Date()): Promise<void> {
  const { couple } = await requireOpen(access);
  const agenda = await getConversationAgenda(access, couple);
  const item = agenda.find((entry) => entry.id === itemId);
  // One answer for both refusals: an item that is gone, and another's shared item, read alike.
  if (!item || !mayMarkDiscussed(item, access.userId)) throw notFound(NOT_MARKABLE);
  await setDiscussed(access, itemId, true, now);
}

export async function callPause(access: Access, minutes: PauseMinutes, now = new Date()): Promise<Date> {
  const { couple, conversation } = await requireOpen(access);
  const until = pauseEnds(now, minutes);
  await access.db.conversation.updateMany({
    where: { id: conversation.id, openCoupleId: couple.id },
    data: { pauseUntil: until, pausedById: access.userId },
  });
  return until;
}

export async function endPause(access: Access): Promise<void> {
  const { couple, conversation } = await requireOpen(access);
  if (!conversation.pauseUntil) throw new DomainError("conflict", "You are not on a pause: you are already back.");
  await access.db.conversation.updateMany({ where: { id: conversation.id, openCoupleId: couple.id }, data: { pauseUntil: null, pausedById: null } });
}

/**
 * Closes the conversation: the items marked discussed go to "Conversations we've had" (a shared
 * item by its consent id, a topic by its title) and leave the plan; open items stay for next
 * time. The optional agreed line is kept under the couple's key.
 */
export async function closeConversation(access: Access, agreedLine: string | null, now = new Date()): Promise<{ id: string }> {
  const { couple, conversation } = await requireOpen(access);
  const discussed = (await getConversationAgenda(access, couple)).filter((item) => item.discussedAt !== null);
  await access.db.$transaction(async (tx) => {
    const { count } = await tx.conversation.updateMany({
      where: { id: conversation.id, openCoupleId: couple.id },
      data: { openCoupleId: null, closedAt: now, pauseUntil: null, pausedById: null, agreedLine },
    });
    if (count !== 1) throw new DomainError("conflict", "Your partner closed this conversation a moment ago.");
    await tx.conversationItem.createMany({
      data: discussed.map((item) => ({
        conversationId: conversation.id,
        coupleId: couple.id,
        consentId: item.consentId,
        topicTitle: item.kind === "topic" ? item.title : null,
        discussedAt: item.discussedAt ?? now,
      })),
    });
  });
  await takeDiscussedOffPlan(access, discussed.map((item) => item.id));
  return { id: conversation.id };
}

/**
 * "Conversations we've had", newest first: the date, what was agreed, and each item discussed,
 * a shared item only while it is still shared (C3) and a topic by its title.
 */
export async function listConversationsWeHad(access: Access) {
  const couple = await requireMyCouple(access);
  const conversations = await access.db.conversation.findMany({
    where: { coupleId: couple.id, closedAt: { not: null } },
    orderBy: [{ closedAt: "desc" }, { id: "asc" }],
    select: { id: true, startedAt: true, closedAt: true, agreedLine: true, items: { select: { id: true, consentId: true, topicTitle: true, discussedAt: true }, orderBy: [{ discussedAt: "asc" }, { id: "asc" }] } },
  });
  const consentIds = conversations.flatMap((conversation) => conversation.items.flatMap((item) => (item.consentId ? [item.consentId] : [])));
  const stillShared = consentIds.length
    ? await access.db.shareConsent.findMany({ where: { ...sharedInto(couple), id: { in: consentIds } }, select: { id: true, sharedTitle: true } })
    : [];
  const titleOf = new Map(stillShared.map((consent) => [consent.id, consent.sharedTitle]));
  return conversations.map((conversation) => ({
    id: conversation.id,
    startedAt: conversation.startedAt,
    closedAt: conversation.closedAt as Date,
    agreedLine: conversation.agreedLine,
    items: conversation.items.flatMap((item) => {
      const title = item.consentId ? titleOf.get(item.consentId) : item.topicTitle;
      return title ? [{ id: item.id, title, shared: item.consentId !== null, discussedAt: item.discussedAt }] : [];
    }),
  }));
}

/** The couple's last closed conversation, for the reflection step right after it. */
export async function lastClosedConversationId(access: Access): Promise<string | null> {
  const couple = await requireMyCouple(access);
  const last = await access.db.conversation.findFirst({
    where: { coupleId: couple.id, closedAt: { not: null } },
    orderBy: [{ closedAt: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  return last?.id ?? null;
}

export type GuideInput = { steps: string[]; rules: string[] };

/**
 * Proposes a new shape and ground rules. Nothing changes for either partner until the other
 * accepts; a new proposal replaces any earlier one.
 */
export async function proposeGuide(access: Access, input: GuideInput, now = new Date()): Promise<void> {
  const couple = await requireMyCouple(access);
  pairOf(access, couple);
  const guide = await readGuide(access, couple);
  if (sameLines(guide.steps, input.steps) && sameLines(guide.rules, input.rules)) {
    throw new DomainError("invalid", "That is what you have already agreed. Change a line to propose something new.");
  }
  const proposal = { proposedSteps: joinLines(input.steps), proposedRules: joinLines(input.rules), proposedById: access.userId, proposedAt: now };
  await access.db.conversationGuide.upsert({ where: { coupleId: couple.id }, create: { coupleId: couple.id, ...proposal }, update: proposal });
}

/** The other partner accepts the proposal they saw (`seenAt`): from now on it is what you both agreed. */
export async function acceptGuide(access: Access, seenAt: Date, now = new Date()): Promise<void> {
  const couple = await requireMyCouple(access);
  const guide = await readGuide(access, couple);
  const check = mayAccept(guide.proposal, access.userId, seenAt);
  if (!check.ok) {
    const messages = {
      "no proposal": "There is no change waiting to be accepted.",
      "own proposal": "This is your own proposal: your partner accepts it, or it stays as it was.",
      "proposal changed": "The proposal changed a moment ago. Read it again before accepting.",
    } as const;
    throw new DomainError(check.reason === "no proposal" ? "not-found" : "conflict", messages[check.reason]);
  }
  const proposal = guide.proposal as NonNullable<typeof guide.proposal>;
  const { count } = await access.db.conversationGuide.updateMany({
    where: { coupleId: couple.id, proposedAt: proposal.proposedAt, proposedById: proposal.proposedById },
    data: {
      steps: joinLines(proposal.steps),
      groundRules: joinLines(proposal.rules),
      proposedSteps: null,
      proposedRules: null,
      proposedById: null,
      proposedAt: null,
      agreedAt: now,
    },
  });
  if (count !== 1) throw new DomainError("conflict", "The proposal changed a moment ago. Read it again before accepting.");
}

/** Drops the open proposal: its proposer withdraws it, or the other declines it. The agreed version stands. */
export async function dropGuideProposal(access: Access): Promise<void> {
  const couple = await requireMyCouple(access);
  const { count } = await access.db.conversationGuide.updateMany({
    where: { coupleId: couple.id, proposedAt: { not: null } },
    data: { proposedSteps: null, proposedRules: null, proposedById: null, proposedAt: null },
  });
  if (count !== 1) throw notFound("There is no change waiting.");
}

// ---------------------------------------------------------------------------------------------
// Private reflections: the author's alone. Every query names the author; none is ever read for
// the partner, and nothing here is counted or shown to anyone else.

const REFLECTION_NOT_FOUND = "This reflection does not exist, or it is not yours.";

export type ReflectionInput = { body: string; forNextSession: boolean; conversationId: string | null };

export async function saveReflection(access: Access, input: ReflectionInput, now = new Date()): Promise<{ id: string }> {
  let conversationId: string | null = null;
  if (input.conversationId) {
    const couple = await requireMyCouple(access);
    const conversation = await access.db.conversation.findFirst({ where: { id: input.conversationId, coupleId: couple.id }, select: { id: true } });
    conversationId = conversation?.id ?? null;
  }
  return access.db.conversationReflection.create({
    data: { authorId: access.userId, conversationId, body: input.body, forNextSession: input.forNextSession, createdAt: now },
    select: { id: true },
  });
}

/** The acting person's own reflections, newest first. */
export async function listMyReflections(access: Access) {
  return access.db.conversationReflection.findMany({
    where: { authorId: access.userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, body: true, forNextSession: true, createdAt: true },
  });
}

/** Puts one of the person's own reflections on, or off, their "for my next session" list. */
export async function setForNextSession(access: Access, reflectionId: string, forNextSession: boolean): Promise<void> {
  const { count } = await access.db.conversationReflection.updateMany({ where: { id: reflectionId, authorId: access.userId }, data: { forNextSession } });
  if (count !== 1) throw notFound(REFLECTION_NOT_FOUND);
}

export async function deleteReflection(access: Access, reflectionId: string): Promise<void> {
  const { count } = await access.db.conversationReflection.deleteMany({ where: { id: reflectionId, authorId: access.userId } });
  if (count !== 1) throw notFound(REFLECTION_NOT_FOUND);
}

/** The "for my next session" list as plain text, for a download the person keeps. */
export async function nextSessionText(access: Access): Promise<string> {
  const items = (await listMyReflections(access)).filter((reflection) => reflection.forNextSession);
  const lines = items.map((item) => `- ${item.createdAt.toISOString().slice(0, 10)}: ${item.body.replace(/\s*\n\s*/g, " ")}`);
  return ["For my next session", "", ...(lines.length ? lines : ["(nothing on the list)"]), ""].join("\n");
}
