import "server-only";
import type { Access } from "./access";
import { DomainError, notFound } from "./errors";
import { formOf, targetKey, type DraftTarget } from "@/lib/drafts/targets";
import { parseDraftFields, type DraftInput } from "@/lib/validation/draft";

/**
 * Autosaved drafts (decision 036): what a person was writing in a note or summary form, kept
 * so that Quick exit or a lost tab costs nothing. The one visibility rule: a draft exists only
 * for its author, like the notes and summaries it is written for; nobody else can read,
 * write or learn of one. Its words are encrypted under the author's key (Draft.fields).
 */
function visibleTo(access: Access) {
  return { authorId: access.userId };
}

const NOT_YOURS = "This form is not one of yours, so nothing was saved.";

/** Whether the note or summary a target names is the author's own (a new form always is). */
async function isOwnTarget(access: Access, target: DraftTarget): Promise<boolean> {
  const noteId = target.kind === "note" ? target.id : target.kind === "new-summary" ? target.noteId : null;
  if (noteId) return (await access.db.note.count({ where: { id: noteId, ...visibleTo(access) } })) === 1;
  if (target.kind === "summary") return (await access.db.summary.count({ where: { id: target.id, ...visibleTo(access) } })) === 1;
  return true;
}

/** A new form with nothing typed in it: there is nothing to keep. */
function isBlankNewForm(target: DraftTarget, draft: DraftInput): boolean {
  if (target.kind !== "new-note" && target.kind !== "new-summary") return false;
  if (draft.form === "note") return Object.values(draft.fields).every((value) => value.trim() === "");
  const { privateLabel, title, body, whyText } = draft.fields;
  return [privateLabel, title, body, whyText].every((value) => value.trim() === "");
}

/**
 * Keeps what the form holds now, in place of the target's earlier draft. Answers when it was
 * saved, or null when a new form was left blank (its draft is then removed: nothing to restore).
 */
export async function saveDraft(access: Access, target: DraftTarget, draft: DraftInput): Promise<Date | null> {
  if (formOf(target) !== draft.form) throw new DomainError("invalid", "These fields belong to another form, so nothing was saved.");
  if (!(await isOwnTarget(access, target))) throw notFound(NOT_YOURS);
  // authorId beside the unique key: the encryption extension finds the author's key by it.
  const where = { authorId_target: { authorId: access.userId, target: targetKey(target) }, authorId: access.userId };
  if (isBlankNewForm(target, draft)) {
    await access.db.draft.deleteMany({ where: { ...visibleTo(access), target: targetKey(target) } });
    return null;
  }
  const fields = JSON.stringify(draft.fields);
  const saved = await access.db.draft.upsert({
    where,
    create: { authorId: access.userId, target: targetKey(target), fields },
    update: { fields },
    select: { updatedAt: true },
  });
  return saved.updatedAt;
}

export type SavedDraft = DraftInput & { savedAt: Date };

/** The author's draft for this form, or null. */
export async function getDraft(access: Access, target: DraftTarget): Promise<SavedDraft | null> {
  const row = await access.db.draft.findUnique({
    where: { authorId_target: { authorId: access.userId, target: targetKey(target) } },
    select: { fields: true, updatedAt: true },
  });
  if (!row) return null;
  const parsed = parseDraftFields(formOf(target), JSON.parse(row.fields));
  // Only saveDraft writes these rows, after the same check: a draft that fails it is a bug of ours.
  if (!parsed.ok) throw new Error(`A stored draft no longer reads as its form: ${parsed.message}`);
  return { ...parsed.draft, savedAt: row.updatedAt };
}

/** Removes the author's draft for this form (discarded, or saved as the real thing). Answers whether there was one. */
export async function discardDraft(access: Access, target: DraftTarget): Promise<boolean> {
  if (!(await isOwnTarget(access, target))) throw notFound("This draft is not one of yours.");
  const { count } = await access.db.draft.deleteMany({ where: { ...visibleTo(access), target: targetKey(target) } });
  return count === 1;
}

/** The drafts a note's or a summary's deletion leaves without a form: those for editing it, or for a summary from the note. */
export async function discardDraftsOf(access: Access, item: { noteId: string } | { summaryId: string }): Promise<void> {
  const targets =
    "noteId" in item
      ? [targetKey({ kind: "note", id: item.noteId }), targetKey({ kind: "new-summary", noteId: item.noteId })]
      : [targetKey({ kind: "summary", id: item.summaryId })];
  await access.db.draft.deleteMany({ where: { ...visibleTo(access), target: { in: targets } } });
}

/** Every draft of the author's, oldest first, for their own data export. */
export async function listDraftsInFull(access: Access) {
  const rows = await access.db.draft.findMany({
    where: visibleTo(access),
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    select: { target: true, fields: true, updatedAt: true },
  });
  return rows.map((row) => ({ form: row.target, fields: JSON.parse(row.fields) as unknown, savedAt: row.updatedAt }));
}
