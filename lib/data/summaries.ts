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
    editedSinceShared: true,
  },
} as const;

type SummaryFields = SummaryContent;
type StoredConsent = Omit<Snapshot, "sharedTitle"> & {
  sharedTitle: string | null;
  id: string;
  grantedAt: Date;
  reply: PartnerReply | null;
  editedSinceShared: boolean | null;
};

/**
 * Whether the summary, cut to the consent's depth, now differs from what the partner sees (C4).
 * Decided when the summary is saved (updateSummary) or shared; a consent from before that was
 * stored (null) is compared here.
 */
function differsFromShared(summary: SummaryFields, consent: Snapshot & { editedSinceShared: boolean | null }): boolean {
  return consent.editedSinceShared ?? !sameAsSnapshot(snapshotOf(summary, consent.sharedDepth, consent.sharedIntent), consent);
}

/** Whether the summary is shared now, and whether it was edited after that (C4: the partner still sees the old text). */
function withSharingState<S extends SummaryFields & { consents: StoredConsent[] }>(summary: S) {
  const { consents, ...rest } = summary;
  if (!consents[0]) return { ...rest, sharing: null };
  const { editedSinceShared, ...consent } = heldSnapshot(consents[0]);
  return {
    ...rest,
    sharing: {
      consentId: consent.id,
      grantedAt: consent.grantedAt,
      reply: consent.reply,
      snapshot: consent,
      editedSinceShared: differsFromShared(rest, { ...consent, editedSinceShared }),
    },
  };
}

/**
 * The author's list of summaries: what the list shows (title, private label, whether and how it
 * is shared) and nothing more, so no body is read or decrypted. Only a consent from before
 * `editedSinceShared` was stored has its words compared, read in one more query.
 */
export async function listSummaries(access: Access) {
  const summaries = await access.db.summary.findMany({
    where: visibleTo(access),
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    relationLoadStrategy: "query",
    select: { id: true, title: true, privateLabel: true, consents: { where: { withdrawnAt: null }, select: { editedSinceShared: true } } },
  });
  const undecided = summaries.filter((summary) => summary.consents[0]?.editedSinceShared === null).map((summary) => summary.id);
  const compared = new Map(
    undecided.length
      ? (await access.db.summary.findMany({ where: { id: { in: undecided }, ...visibleTo(access) }, include: { consents: activeConsentFields } })).map(
          (summary) => [summary.id, withSharingState(summary).sharing?.editedSinceShared ?? false],
        )
      : [],
  );
  return summaries.map(({ consents: [consent], ...summary }) => ({
    ...summary,
    sharing: consent ? { editedSinceShared: consent.editedSinceShared ?? compared.get(summary.id) ?? false } : null,
  }));
}

/** Whole summaries with their sharing state, for the author's own data export. */
export async function listSummariesInFull(access: Access) {
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

/**
 * Edits stay private: a shared summary's partner-facing snapshot does not change (C4). Whether
 * the words now differ from it is decided here, under the lock a share takes, so a share and an
 * edit racing each other leave the flag true to the words both ended with.
 */
export async function updateSummary(access: Access, id: string, input: SummaryInput) {
  await assertOwnNote(access, input.noteId);
  await access.db.$transaction(async (tx) => {
    const [summary] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Summary" WHERE "id" = ${id} AND "authorId" = ${access.userId} FOR UPDATE`;
    if (!summary) throw notFound("This summary does not exist, or it is not yours.");
    // The author named in the filter names the key the words are sealed with: no query to look it up.
    await tx.summary.update({ where: { id, ...visibleTo(access) }, data: input });
    const shared = await tx.shareConsent.findUnique({ where: { activeSummaryId: id }, select: activeConsentFields.select });
    if (!shared) return;
    const consent = heldSnapshot(shared);
    await tx.shareConsent.update({
      where: { id: consent.id },
      data: { editedSinceShared: !sameAsSnapshot(snapshotOf(input, consent.sharedDepth, consent.sharedIntent), consent) },
    });
  });
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
