import "server-only";
import type { Access } from "./access";
import { makeRoomOnPlan, planItemsVisibleIn } from "./agenda-room";
import { sharedInto } from "./consent";
import { requireMyCouple, type MyCouple } from "./couples";
import { DomainError, notFound } from "./errors";
import { submissionKey } from "./submissions";
import { isUniqueViolation } from "./transactions";
import { heldSnapshot } from "@/lib/consent/snapshot";

/**
 * The joint conversation plan: one agenda per couple, of shared items and topics. A shared item
 * is on it only while its consent stands (C3, agenda-room.ts), and only its author puts it
 * there, takes it off or marks it discussed (C11). Topics and the order are both partners'.
 */

// One refusal for what is gone and for the partner's disclosure, so a refusal never tells which (C11).
const ITEM_NOT_FOUND = "This item is not on your plan any more, or only your partner can change it.";
const ITEM_GONE = "This item is not on your plan any more.";
const NOT_YOURS_TO_ADD = "This shared item is not available, or only your partner can put it on the plan.";

export type PlanTopic = { title: string; detail: string | null };

/** The agenda's items in order, under the consent rule: one read for the plan page and the guided conversation. */
function agendaRows(access: Access, couple: Pick<MyCouple, "id">) {
  return access.db.planItem.findMany({
    where: planItemsVisibleIn(couple),
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      topicTitle: true,
      topicDetail: true,
      discussedAt: true,
      addedById: true,
      consent: {
        select: { id: true, authorId: true, sharedTitle: true, sharedBody: true, sharedFraming: true, sharedResponseWish: true },
      },
    },
  });
}

/** The plan page's data, in the same few queries whatever the number of items. */
export async function getPlan(access: Access) {
  const couple = await requireMyCouple(access);
  const [items, notOnPlan] = await Promise.all([
    agendaRows(access, couple),
    // Only the author may put their item on the agenda (C11): the partner's items are not offered here.
    access.db.shareConsent.findMany({
      where: { ...sharedInto(couple), authorId: access.userId, planItem: null },
      orderBy: [{ grantedAt: "desc" }, { id: "asc" }],
      select: { id: true, sharedTitle: true },
    }),
  ]);
  const nameOf = (userId: string) => (userId === access.userId ? "you" : (couple.partner?.displayName ?? "Your partner"));
  return {
    partnerName: couple.partner?.displayName ?? null,
    items: items.map((item) => ({
      id: item.id,
      discussed: item.discussedAt !== null,
      addedBy: nameOf(item.addedById),
      ...(item.consent
        ? {
            kind: "shared" as const,
            title: heldSnapshot(item.consent).sharedTitle,
            detail: item.consent.sharedBody,
            sharedBy: nameOf(item.consent.authorId),
            framing: item.consent.sharedFraming,
            responseWish: item.consent.sharedResponseWish,
            // The partner's disclosure: its author alone marks it discussed or takes it off (C11).
            decidedBy: item.consent.authorId === access.userId ? null : nameOf(item.consent.authorId),
          }
        : { kind: "topic" as const, title: item.topicTitle ?? "", detail: item.topicDetail, sharedBy: null, framing: null, responseWish: null, decidedBy: null }),
    })),
    sharedNotOnPlan: notOnPlan.map(heldSnapshot).map((consent) => ({ consentId: consent.id, title: consent.sharedTitle })),
  };
}

/**
 * Adds topics at the end of the agenda. A repeat of one submission (same form key, same topics)
 * adds nothing more: each topic it already added is skipped by the database (submissions.ts).
 */
export async function addTopics(access: Access, topics: PlanTopic[], formKey: string | null = null): Promise<void> {
  const couple = await requireMyCouple(access);
  await access.db.$transaction(async (tx) => {
    const start = await makeRoomOnPlan(tx, couple, topics.length);
    await tx.planItem.createMany({
      data: topics.map((topic, index) => ({
        coupleId: couple.id,
        addedById: access.userId,
        topicTitle: topic.title,
        topicDetail: topic.detail,
        position: start + index,
        submissionKey: submissionKey(formKey, { index, topic }),
      })),
      skipDuplicates: true,
    });
  });
}

/**
 * Only its author puts a shared item on the plan (C11); the partner may ask to talk about it
 * instead (consent.ts). The consent row stays locked until the item is placed: an unshare
 * racing this one either waits and then takes the new item off the plan, or withdraws first
 * and this finds nothing to add (C3). A request to talk that is still open is answered by it.
 */
export async function addSharedItemToPlan(access: Access, consentId: string, now = new Date()): Promise<void> {
  const couple = await requireMyCouple(access);
  try {
    await access.db.$transaction(async (tx) => {
      const [consent] = await tx.$queryRaw<{ id: string }[]>`
        SELECT "id" FROM "ShareConsent"
        WHERE "id" = ${consentId} AND "coupleId" = ${couple.id} AND "withdrawnAt" IS NULL AND "authorId" = ${access.userId}
        FOR SHARE`;
      if (!consent) throw notFound(NOT_YOURS_TO_ADD);
      const position = await makeRoomOnPlan(tx, couple, 1);
      await tx.planItem.create({ data: { coupleId: couple.id, addedById: access.userId, consentId, position } });
      await tx.shareConsent.updateMany({ where: { id: consentId, talkRequest: "ASKED" }, data: { talkRequest: "ACCEPTED", talkAnsweredAt: now } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "This item is already on the plan.");
    throw error;
  }
}

/** The items this user may mark or take off: every topic, and their own shared items (C11). */
function itemsIMayDecide(access: Access, couple: Pick<MyCouple, "id">, itemId: string) {
  return { id: itemId, ...planItemsVisibleIn(couple), AND: [{ OR: [{ consentId: null }, { consent: { authorId: access.userId } }] }] };
}

export async function setDiscussed(access: Access, itemId: string, discussed: boolean, now = new Date()): Promise<void> {
  const couple = await requireMyCouple(access);
  const { count } = await access.db.planItem.updateMany({
    where: itemsIMayDecide(access, couple, itemId),
    data: { discussedAt: discussed ? now : null },
  });
  if (count !== 1) throw notFound(ITEM_NOT_FOUND);
}

/** Takes an item off the plan. A shared item stays shared: only its author can withdraw it, or take it off. */
export async function removeFromPlan(access: Access, itemId: string): Promise<void> {
  const couple = await requireMyCouple(access);
  const { count } = await access.db.planItem.deleteMany({ where: itemsIMayDecide(access, couple, itemId) });
  if (count !== 1) throw notFound(ITEM_NOT_FOUND);
}

/** Moves one item a place up or down the agenda, renumbering the agenda in one statement. */
export async function moveItem(access: Access, itemId: string, direction: "up" | "down"): Promise<void> {
  const couple = await requireMyCouple(access);
  await access.db.$transaction(async (tx) => {
    // Lock the couple's row: concurrent moves apply one after the other.
    await tx.$queryRaw`SELECT "id" FROM "Couple" WHERE "id" = ${couple.id} FOR UPDATE`;
    const ordered = await tx.planItem.findMany({
      where: planItemsVisibleIn(couple),
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
    const ids = ordered.map((item) => item.id);
    const from = ids.indexOf(itemId);
    if (from === -1) throw notFound(ITEM_GONE);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= ids.length) return;
    [ids[from], ids[to]] = [ids[to] as string, ids[from] as string];
    await tx.$executeRaw`
      UPDATE "PlanItem" AS item SET "position" = ordering.position - 1
      FROM unnest(${ids}::text[]) WITH ORDINALITY AS ordering(id, position)
      WHERE item."id" = ordering.id AND item."coupleId" = ${couple.id}`;
  });
}

/**
 * Sets or clears the couple's one-off conversation (decision 038). Reminders planned for the old
 * time are dropped; the sweep plans the new ones and skips any it had already claimed.
 */
export async function setConversationTime(access: Access, conversationAt: Date | null, now = new Date()): Promise<void> {
  const couple = await requireMyCouple(access);
  if (conversationAt && conversationAt.getTime() <= now.getTime()) {
    throw new DomainError("invalid", "Choose a time that is still ahead.");
  }
  await access.db.$transaction(async (tx) => {
    await tx.couple.update({ where: { id: couple.id }, data: { conversationAt } });
    await tx.reminderDelivery.deleteMany({ where: { coupleId: couple.id, status: "PENDING" } });
  });
}

/**
 * The agenda as the guided conversation walks it (lib/data/conversation.ts): the same items,
 * under the same consent rule, with who brought each one (a shared item's author, a topic's
 * adder) so the conversation knows who speaks first and who may mark it discussed (C11).
 */
export async function getConversationAgenda(access: Access, couple: Pick<MyCouple, "id">) {
  const items = await agendaRows(access, couple);
  return items.map((item) => ({
    id: item.id,
    discussedAt: item.discussedAt,
    ...(item.consent
      ? {
          kind: "shared" as const,
          consentId: item.consent.id,
          broughtById: item.consent.authorId,
          title: heldSnapshot(item.consent).sharedTitle,
          detail: item.consent.sharedBody,
          responseWish: item.consent.sharedResponseWish,
        }
      : { kind: "topic" as const, consentId: null, broughtById: item.addedById, title: item.topicTitle ?? "", detail: item.topicDetail, responseWish: null }),
  }));
}

/**
 * Closing a conversation: the items it marked discussed leave the agenda (the author of a
 * shared item already chose that by marking it, C11). Only items still on the plan and still
 * marked discussed are taken off; returns how many were.
 */
export async function takeDiscussedOffPlan(access: Access, itemIds: readonly string[]): Promise<number> {
  const couple = await requireMyCouple(access);
  const { count } = await access.db.planItem.deleteMany({
    where: { id: { in: [...itemIds] }, discussedAt: { not: null }, ...planItemsVisibleIn(couple) },
  });
  return count;
}
