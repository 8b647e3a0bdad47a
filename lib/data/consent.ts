import "server-only";
import { reviewTone } from "@/lib/consent/tone-check";
import { heldSnapshot, sameAsSnapshot, snapshotDigest, snapshotOf, snapshotText } from "@/lib/consent/snapshot";
import { enforceRateLimit } from "@/lib/limits/enforce";
import { RATE_LIMITS, rateLimitKey } from "@/lib/limits/rate-limits";
import type { ShareReflection } from "@/lib/validation/summary";
import type { Access } from "./access";
import type { PartnerReply, ShareIntent, TalkRequest } from "@/lib/generated/prisma/enums";
import { makeRoomOnPlan, placeOnAgendaIfRoom } from "./agenda-room";
import { getMyCouple, requireMyCouple, type MyCouple } from "./couples";
import { DomainError, notFound } from "./errors";
import { isUniqueViolation } from "./transactions";
import { withdrawal } from "./withdrawal";

/**
 * Consent: the one place that decides what a partner may see (C1-C5, C9).
 *
 * A partner sees a consent's snapshot, and nothing else of the author's, exactly while the
 * consent is granted into the couple they both belong to and not withdrawn. Only the author
 * grants or withdraws, one summary at a time, through an explicit share with reflection.
 */
export function sharedInto(couple: Pick<MyCouple, "id">) {
  return { coupleId: couple.id, withdrawnAt: null };
}

const SUMMARY_NOT_FOUND = "This summary does not exist, or it is not yours.";
const PREVIEW_OUTDATED =
  "Nothing was shared: what you saw in the preview is not what would be shared now (the summary changed since this page opened). Check the preview again, then share.";

/** Locks the author's summary row, so shares and unshares of one summary happen one at a time. */
async function lockOwnSummary(tx: Parameters<Parameters<Access["db"]["$transaction"]>[0]>[0], access: Access, summaryId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Summary" WHERE "id" = ${summaryId} AND "authorId" = ${access.userId} FOR UPDATE`;
  if (!row) throw notFound(SUMMARY_NOT_FOUND);
}

export type ShareOutcome = {
  consentId: string;
  outcome: "shared" | "reshared" | "unchanged";
  /** For "let's talk about it": whether the item is on the agenda now, or could not go there because the plan is full. */
  agenda: "on-agenda" | "plan-full" | null;
};

/**
 * Shares one summary into the author's couple, as it reads now and at the chosen depth, only
 * if that is exactly the snapshot the author previewed (C10: `previewDigest`). If it is already
 * shared with exactly this text, nothing changes (a double submit shares once). If it was
 * shared before with other text, that consent is replaced by this new one (C4).
 *
 * "Let's talk about it" puts the item on the agenda in the same transaction (C11). When the plan
 * is full the share still happens (the author chose to share, and that choice stands on its
 * own), and the outcome says it could not go on the agenda.
 */
export async function shareSummary(access: Access, reflection: ShareReflection, now = new Date()): Promise<ShareOutcome> {
  // C6 holds for every caller, not only the form: a consent is only ever recorded as reflected.
  if (reflection.ownChoice !== "yes" || reflection.aboutMe !== "yes") {
    throw new DomainError("invalid", "Share only when it is your own choice and about your own feelings.");
  }
  const couple = await requireMyCouple(access);
  if (!couple.partner) throw new DomainError("conflict", "You are not linked with a partner.");
  await enforceRateLimit(access.db, "share", rateLimitKey(access.userId), `You have shared ${RATE_LIMITS.share.points} times today, the most for one day.`);
  try {
    return await access.db.$transaction(async (tx) => {
      await lockOwnSummary(tx, access, reflection.summaryId);
      const summary = await tx.summary.findUniqueOrThrow({
        where: { id: reflection.summaryId },
        include: { consents: { where: { withdrawnAt: null } } },
      });
      const snapshot = snapshotOf(summary, reflection.depth, reflection.intent ?? "JUST_SO_YOU_KNOW");
      // Checked under the row lock, so an edit cannot slip in between this check and the share.
      if (snapshotDigest(snapshot) !== reflection.previewDigest) throw new DomainError("conflict", PREVIEW_OUTDATED);
      const active = summary.consents[0];
      if (active && active.coupleId === couple.id && sameAsSnapshot(snapshot, heldSnapshot(active))) {
        return { consentId: active.id, outcome: "unchanged" as const, agenda: null };
      }
      if (active) {
        await tx.shareConsent.update({
          where: { id: active.id },
          data: withdrawal("RESHARED", now),
        });
      }
      const consent = await tx.shareConsent.create({
        data: {
          ...snapshot,
          historyTitle: snapshot.sharedTitle,
          editedSinceShared: false,
          authorId: access.userId,
          summaryId: summary.id,
          activeSummaryId: summary.id,
          coupleId: couple.id,
          grantedAt: now,
          reflectedOwnChoice: true,
          reflectedAboutMe: true,
          reflectionNote: reflection.reflectionNote,
          toneSuggestionShown: reviewTone(snapshotText(snapshot)).suggest,
        },
        select: { id: true },
      });
      // The new words keep the old one's place on the plan, if it had one.
      const kept = active ? await tx.planItem.updateMany({ where: { consentId: active.id, coupleId: couple.id }, data: { consentId: consent.id } }) : { count: 0 };
      const agenda =
        snapshot.sharedIntent !== "LETS_TALK" ? null : kept.count || (await placeOnAgendaIfRoom(tx, couple, consent.id, access.userId)) ? "on-agenda" : "plan-full";
      return { consentId: consent.id, outcome: active ? ("reshared" as const) : ("shared" as const), agenda } satisfies ShareOutcome;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "This summary was just shared. Reload to see it.");
    throw error;
  }
}

/**
 * Withdraws the author's consent on one summary (C3). The item leaves the shared view and the
 * plan in the same transaction. The partner is not notified.
 */
export async function unshareSummary(access: Access, summaryId: string, now = new Date()): Promise<void> {
  await access.db.$transaction(async (tx) => {
    await lockOwnSummary(tx, access, summaryId);
    const active = await tx.shareConsent.findFirst({
      where: { summaryId, authorId: access.userId, withdrawnAt: null },
      select: { id: true },
    });
    if (!active) throw new DomainError("invalid", "This summary is not shared right now, so there is nothing to withdraw.");
    // Withdraw first: the update waits for any add-to-plan holding the consent, so the delete below sees its item.
    await tx.shareConsent.update({
      where: { id: active.id },
      data: withdrawal("AUTHOR_UNSHARED", now),
    });
    await tx.planItem.deleteMany({ where: { consentId: active.id } });
  });
}

const partnerFacingFields = {
  id: true,
  authorId: true,
  sharedTitle: true,
  sharedBody: true,
  sharedDepth: true,
  sharedFraming: true,
  sharedWhyReasons: true,
  sharedWhyText: true,
  sharedResponseWish: true,
  sharedIntent: true,
  talkRequest: true,
  reply: true,
  planItem: { select: { id: true } },
} as const;

export type SharedItem = {
  consentId: string;
  authorName: string;
  byMe: boolean;
  title: string;
  body: string | null;
  depth: string;
  framing: string;
  whyReasons: string[];
  whyText: string | null;
  responseWish: string | null;
  intent: ShareIntent;
  /** The partner's reply, seen by both. */
  reply: PartnerReply | null;
  /**
   * The request to talk about it. The author reads its state; the partner reads only
   * "can-ask", "asked" or "answered" (never accepted or declined, when, or why).
   */
  talk: TalkRequest | "can-ask" | "asked" | "answered" | null;
  onPlan: boolean;
  summaryId: string | null;
};

/** What the partner may know of their own request to talk: whether they may ask, have asked, or had an answer. */
function talkAsPartnerSeesIt(consent: { sharedIntent: ShareIntent; talkRequest: TalkRequest | null; planItem: unknown }): SharedItem["talk"] {
  if (consent.talkRequest === "ASKED") return "asked";
  if (consent.talkRequest) return "answered";
  return consent.sharedIntent === "JUST_SO_YOU_KNOW" && consent.planItem === null ? "can-ask" : null;
}

/**
 * The couple's shared view: every active consent in the acting user's couple, from both
 * partners. It carries the snapshot only: no dates of sharing, no note, nothing private (C5, C7).
 */
export async function listSharedItems(access: Access): Promise<SharedItem[]> {
  const couple = await getMyCouple(access);
  if (!couple) return [];
  const consents = await access.db.shareConsent.findMany({
    where: sharedInto(couple),
    orderBy: [{ grantedAt: "desc" }, { id: "asc" }],
    select: { ...partnerFacingFields, summaryId: true },
  });
  return consents.map(heldSnapshot).map((consent) => {
    const byMe = consent.authorId === access.userId;
    return {
      consentId: consent.id,
      authorName: byMe ? "you" : (couple.partner?.displayName ?? "Your partner"),
      byMe,
      title: consent.sharedTitle,
      body: consent.sharedBody,
      depth: consent.sharedDepth,
      framing: consent.sharedFraming,
      whyReasons: consent.sharedWhyReasons,
      whyText: consent.sharedWhyText,
      responseWish: consent.sharedResponseWish,
      intent: consent.sharedIntent,
      reply: consent.reply,
      talk: byMe ? consent.talkRequest : talkAsPartnerSeesIt(consent),
      onPlan: consent.planItem !== null,
      // Only the author may follow a shared item back to the summary it came from.
      summaryId: byMe ? consent.summaryId : null,
    };
  });
}

const NOT_AVAILABLE = "This shared item is not available.";

/** The partner's side of an item shared with them, locked for one change; refuses the author, a stranger, and a withdrawn item. */
async function lockPartnersItem(tx: Parameters<Parameters<Access["db"]["$transaction"]>[0]>[0], access: Access, couple: MyCouple, consentId: string) {
  const [consent] = await tx.$queryRaw<{ id: string; sharedIntent: ShareIntent; talkRequest: TalkRequest | null; reply: PartnerReply | null; onPlan: boolean }[]>`
    SELECT c."id", c."sharedIntent", c."talkRequest", c."reply", EXISTS (SELECT 1 FROM "PlanItem" p WHERE p."consentId" = c."id") AS "onPlan"
    FROM "ShareConsent" c
    WHERE c."id" = ${consentId} AND c."coupleId" = ${couple.id} AND c."withdrawnAt" IS NULL AND c."authorId" <> ${access.userId}
    FOR UPDATE`;
  if (!consent) throw notFound(NOT_AVAILABLE);
  return consent;
}

/**
 * The partner replies to an item shared with them, with one of a few warm fixed replies that
 * the author then sees. Only the partner can; only while it is shared; once per consent.
 */
export async function replyToSharedItem(access: Access, consentId: string, reply: PartnerReply, now = new Date()): Promise<void> {
  const couple = await getMyCouple(access);
  if (!couple) throw notFound(NOT_AVAILABLE);
  await access.db.$transaction(async (tx) => {
    const consent = await lockPartnersItem(tx, access, couple, consentId);
    if (consent.reply) throw new DomainError("conflict", "You have already replied to this.");
    await tx.shareConsent.update({ where: { id: consentId }, data: { reply, repliedAt: now } });
  });
}

/**
 * The partner asks to talk about a "just so you know" item that is not on the agenda (C11):
 * once per consent, with no words of their own, so asking cannot turn into pressing.
 */
export async function askToTalk(access: Access, consentId: string, now = new Date()): Promise<void> {
  const couple = await getMyCouple(access);
  if (!couple) throw notFound(NOT_AVAILABLE);
  const authorName = couple.partner?.displayName ?? "Your partner";
  await access.db.$transaction(async (tx) => {
    const consent = await lockPartnersItem(tx, access, couple, consentId);
    if (consent.talkRequest) throw new DomainError("conflict", `You have asked about this already. It is ${authorName}'s choice now.`);
    if (consent.onPlan) throw new DomainError("conflict", "This is on your agenda already.");
    if (consent.sharedIntent !== "JUST_SO_YOU_KNOW") throw new DomainError("conflict", `${authorName} decides when this goes on the agenda.`);
    await tx.shareConsent.update({ where: { id: consentId }, data: { talkRequest: "ASKED", talkRequestedAt: now } });
  });
}

/**
 * The author answers their partner's request to talk: accept puts the item on the agenda,
 * decline keeps it as just so you know. No reason is asked for or recorded; the partner reads
 * only that it was answered (listSharedItems).
 */
export async function answerTalkRequest(access: Access, consentId: string, answer: "accept" | "decline", now = new Date()): Promise<void> {
  const couple = await requireMyCouple(access);
  try {
    await access.db.$transaction(async (tx) => {
      const [consent] = await tx.$queryRaw<{ id: string; talkRequest: TalkRequest | null }[]>`
        SELECT "id", "talkRequest" FROM "ShareConsent"
        WHERE "id" = ${consentId} AND "coupleId" = ${couple.id} AND "withdrawnAt" IS NULL AND "authorId" = ${access.userId}
        FOR UPDATE`;
      if (!consent) throw notFound(NOT_AVAILABLE);
      if (consent.talkRequest !== "ASKED") throw new DomainError("conflict", "There is no open request to answer on this item.");
      if (answer === "accept") {
        const position = await makeRoomOnPlan(tx, couple, 1);
        await tx.planItem.create({ data: { coupleId: couple.id, addedById: access.userId, consentId, position } });
      }
      await tx.shareConsent.update({ where: { id: consentId }, data: { talkRequest: answer === "accept" ? "ACCEPTED" : "DECLINED", talkAnsweredAt: now } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", "This item is already on the plan.");
    throw error;
  }
}

/** The author's own record of every grant and withdrawal (C9). Nobody else can read it. */
export async function listMyConsentHistory(access: Access) {
  const history = await access.db.shareConsent.findMany({
    where: { authorId: access.userId },
    orderBy: [{ grantedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      summaryId: true,
      historyTitle: true,
      sharedDepth: true,
      grantedAt: true,
      withdrawnAt: true,
      withdrawalCause: true,
      reflectedOwnChoice: true,
      reflectedAboutMe: true,
      reflectionNote: true,
      toneSuggestionShown: true,
      sharedIntent: true,
      reply: true,
      repliedAt: true,
    },
  });
  // The title as it was shared, from the author's own copy: the shared words of a withdrawn consent are gone.
  return history.map(({ historyTitle, ...consent }) => ({ ...consent, sharedTitle: historyTitle }));
}
