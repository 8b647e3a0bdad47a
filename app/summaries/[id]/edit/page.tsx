import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DraftBanner } from "@/components/drafts/draft-banner";
import { NoteBesideDraft } from "@/components/summaries/note-beside-draft";
import { SummaryForm } from "@/components/summaries/summary-form";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { getDraft } from "@/lib/data/drafts";
import { getNote } from "@/lib/data/notes";
import { getSummary } from "@/lib/data/summaries";
import { targetKey } from "@/lib/drafts/targets";
import { updateSummaryAction } from "../../actions";

export const metadata: Metadata = { title: "Edit summary" };

type Props = { params: Promise<{ id: string }>; searchParams?: Promise<{ then?: string; draft?: string }> };

export default async function EditSummaryPage({ params, searchParams }: Props) {
  const access = await requireAccess();
  const summary = await getSummary(access, (await params).id);
  const search = await searchParams;
  const returnTo = search?.then === "share" ? "share" : undefined;
  if (!summary) notFound();
  const note = summary.noteId ? await getNote(access, summary.noteId) : null;
  const target = { kind: "summary", id: summary.id } as const;
  const draft = await getDraft(access, target);
  const kept = draft?.form === "summary" ? draft : null;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href={`/summaries/${summary.id}`}>← Back to the summary</Link>
      </p>
      <h1 className="text-2xl font-semibold">Edit summary</h1>
      {summary.sharing ? (
        <p className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">
          This summary is shared. Your changes stay private: your partner keeps seeing the version you shared until you
          choose to share again.
        </p>
      ) : null}
      <DraftBanner target={targetKey(target)} savedAt={kept?.savedAt ?? null} discarded={search?.draft === "discarded"} discardHint="Discarding it goes back to the summary as you last saved it." />
      <NoteBesideDraft note={note}>
      <SummaryForm
        key={kept ? "restored" : "saved"}
        action={updateSummaryAction}
        initial={{
          id: summary.id,
          noteId: summary.noteId ?? "",
          privateLabel: summary.privateLabel ?? "",
          title: summary.title,
          body: summary.body,
          depth: summary.depth,
          framing: summary.framing,
          whyReasons: summary.whyReasons,
          whyText: summary.whyText ?? "",
          responseWish: summary.responseWish ?? "",
          ...kept?.fields,
        }}
        submitLabel={returnTo ? "Save and go back to sharing" : "Save changes"}
        returnTo={returnTo}
        authorName={(await requireUser()).displayName}
        autosave={{ target: targetKey(target), restoredAt: kept?.savedAt.toISOString() ?? null }}
      />
      </NoteBesideDraft>
    </div>
  );
}
