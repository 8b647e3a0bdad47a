import "server-only";
import type { Access } from "./access";
import { assertRoomFor } from "./caps";
import { notFound } from "./errors";
import { getNote } from "./notes";
import { createOnce, submissionKey } from "./submissions";
import { withdrawal } from "./withdrawal";
import { heldSnapshot, sameAsSnapshot, snapshotOf, type Snapshot, type SummaryContent } from "@/lib/consent/snapshot";
import type { PartnerReply } from "@/lib/generated/prisma/enums";
import type { SummaryInput } from "@/lib/validation/summary";

/**
 * Summaries are share drafts: private to their author, like notes. What a partner may see
 * is decided in consent.ts, from consents only, never from this table.
 */
function visibleTo(access: Access) {
  return { authorId: access.userId };
}

const activeConsentFields = {
  where: { withdrawnAt: null },
  select: {
    id: true,
    grantedAt: true,
    reply: true,
    sharedTitle: true,
    sharedBody: true,
    sharedDepth: true,
    sharedFraming: true,
    sharedWhyReasons: true,
    sharedWhyText: true,
    sharedResponseWish: true,
    sharedIntent: true,
  },
} as const;

/** Whether the summary is shared now, and whether it was edited after that (C4: the partner still sees the old text). */
function withSharingState<S extends SummaryFields & { consents: StoredConsent[] }>(summary: S) {
  const { consents, ...rest } = summary;
  const consent = consents[0] ? heldSnapshot(consents[0]) : null;
  return {
    ...rest,
    sharing: consent
      ? {
          consentId: consent.id,
          grantedAt: consent.grantedAt,
          reply: consent.reply,
          snapshot: consent,
          editedSinceShared: !sameAsSnapshot(snapshotOf(rest, consent.sharedDepth, consent.sharedIntent), consent),
        }
      : null,
  };
}

type SummaryFields = SummaryContent;
type StoredConsent = Omit<Snapshot, "sharedTitle"> & { sharedTitle: string | null; id: string; grantedAt: Date; reply: PartnerReply | null };

export async function listSummaries(access: Access) {
  const summaries = await access.db.summary.findMany({
    where: visibleTo(access),
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    include: { consents: activeConsentFields, note: { select: { id: true, title: true } } },
  });
  return summaries.map(withSharingState);
}

export async function getSummary(access: Access, id: string) {
  const summary = await access.db.summary.findFirst({
    where: { id, ...visibleTo(access) },
    include: { consents: activeConsentFields, note: { select: { id: true, title: true } } },
  });
  return summary ? withSharingState(summary) : null;
}

async function assertOwnNote(access: Access, noteId: string | null): Promise<void> {
  if (noteId && !(await getNote(access, noteId))) throw notFound("That note does not exist, or it is not yours.");
}

/** A repeat of one submission (same form key, same words) returns the summary it made (submissions.ts). */
export async function createSummary(access: Access, input: SummaryInput, formKey: string | null = null) {
  await assertOwnNote(access, input.noteId);
  const key = submissionKey(formKey, input);
  return createOnce(
    key,
    () =>
      access.db.$transaction(async (tx) => {
        await assertRoomFor(tx, access.userId, "summaries");
        return tx.summary.create({ data: { ...input, authorId: access.userId, submissionKey: key }, select: { id: true } });
      }),
    (made) =>
      access.db.summary.findUnique({
        where: { authorId_submissionKey: { authorId: access.userId, submissionKey: made } },
        select: { id: true },
      }),
  );
}

/** Edits stay private: a shared summary's partner-facing snapshot does not change (C4). */
export async function updateSummary(access: Access, id: string, input: SummaryInput) {
  await assertOwnNote(access, input.noteId);
  const { count } = await access.db.summary.updateMany({ where: { id, ...visibleTo(access) }, data: input });
  if (count !== 1) throw notFound("This summary does not exist, or it is not yours.");
}

/** Deleting a summary first withdraws its consent, so the partner stops seeing it at once (C3). */
export async function deleteSummary(access: Access, id: string, now = new Date()): Promise<void> {
  await access.db.$transaction(async (tx) => {
    // Lock the row as a share does, so a share racing this delete is either withdrawn below or finds no summary.
    const [summary] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Summary" WHERE "id" = ${id} AND "authorId" = ${access.userId} FOR UPDATE`;
    if (!summary) throw notFound("This summary does not exist, or it is not yours.");
    const withdrawn = await tx.shareConsent.findMany({
      where: { summaryId: id, authorId: access.userId, withdrawnAt: null },
      select: { id: true },
    });
    // Withdraw before clearing the plan, as unshareSummary does.
    await tx.shareConsent.updateMany({
      where: { id: { in: withdrawn.map((consent) => consent.id) } },
      data: withdrawal("SUMMARY_DELETED", now),
    });
    await tx.planItem.deleteMany({ where: { consentId: { in: withdrawn.map((consent) => consent.id) } } });
    await tx.summary.delete({ where: { id } });
  });
}
