import "server-only";
import { reviewTone } from "@/lib/consent/tone-check";
import { heldSnapshot, sameAsSnapshot, snapshotDigest, snapshotOf, snapshotText } from "@/lib/consent/snapshot";
import { enforceRateLimit } from "@/lib/limits/enforce";
import { RATE_LIMITS, rateLimitKey } from "@/lib/limits/rate-limits";
import type { ShareReflection } from "@/lib/validation/summary";
import type { Access } from "./access";
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

export type ShareOutcome = { consentId: string; outcome: "shared" | "reshared" | "unchanged" };

/**
 * Shares one summary into the author's couple, as it reads now and at the chosen depth, only
 * if that is exactly the snapshot the author previewed (C10: `previewDigest`). If it is already
 * shared with exactly this text, nothing changes (a double submit shares once). If it was
 * shared before with other text, that consent is replaced by this new one (C4).
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
      const snapshot = snapshotOf(summary, reflection.depth);
      // Checked under the row lock, so an edit cannot slip in between this check and the share.
      if (snapshotDigest(snapshot) !== reflection.previewDigest) throw new DomainError("conflict", PREVIEW_OUTDATED);
      const active = summary.consents[0];
      if (active && active.coupleId === couple.id && sameAsSnapshot(snapshot, heldSnapshot(active))) {
        return { consentId: active.id, outcome: "unchanged" as const };
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
      if (active) {
        // The new words keep the old one's place on the plan, if it had one.
        await tx.planItem.updateMany({ where: { consentId: active.id, coupleId: couple.id }, data: { consentId: consent.id } });
      }
      return { consentId: consent.id, outcome: active ? ("reshared" as const) : ("shared" as const) };
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
  acknowledgedAt: true,
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
  acknowledged: boolean;
  onPlan: boolean;
  summaryId: string | null;
};

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
      acknowledged: consent.acknowledgedAt !== null,
      onPlan: consent.planItem !== null,
      // Only the author may follow a shared item back to the summary it came from.
      summaryId: byMe ? consent.summaryId : null,
    };
  });
}

/** The partner acknowledges an item shared with them. Only the partner can; only while it is shared. */
export async function acknowledgeSharedItem(access: Access, consentId: string, now = new Date()): Promise<void> {
  const couple = await getMyCouple(access);
  if (!couple) throw notFound("This shared item is not available.");
  const { count } = await access.db.shareConsent.updateMany({
    where: { id: consentId, ...sharedInto(couple), authorId: { not: access.userId } },
    data: { acknowledgedAt: now },
  });
  if (count !== 1) throw notFound("This shared item is not available.");
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
      acknowledgedAt: true,
    },
  });
  // The title as it was shared, from the author's own copy: the shared words of a withdrawn consent are gone.
  return history.map(({ historyTitle, ...consent }) => ({ ...consent, sharedTitle: historyTitle }));
}
