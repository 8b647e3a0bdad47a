import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { DraftBanner } from "@/components/drafts/draft-banner";
import { NoteBesideDraft } from "@/components/summaries/note-beside-draft";
import { SummaryForm } from "@/components/summaries/summary-form";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { getDraft } from "@/lib/data/drafts";
import { getNote } from "@/lib/data/notes";
import { targetKey } from "@/lib/drafts/targets";
import { recordId } from "@/lib/validation/fields";
import { createSummaryAction } from "../actions";

export const metadata: Metadata = { title: "New summary" };

type Props = { searchParams: Promise<{ from?: string; draft?: string }> };

export default async function NewSummaryPage({ searchParams }: Props) {
  const access = await requireAccess();
  const { from, draft: discarded } = await searchParams;
  const note = from && recordId.safeParse(from).success ? await getNote(access, from) : null;
  const target = { kind: "new-summary", noteId: note?.id ?? null } as const;
  const draft = await getDraft(access, target);
  const kept = draft?.form === "summary" ? draft : null;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/summaries">← Summaries</Link>
      </p>
      <h1 className="text-2xl font-semibold">New summary</h1>
      <p className="text-stone-700 dark:text-stone-300">
        {note ? (
          <>
            Starting from your note <strong>{note.title}</strong>. Your partner will never see the note itself, only what
            you write here, and only if you share it.
          </>
        ) : (
          "Write what you might want to share. Saving it shares nothing."
        )}
      </p>
      <DraftBanner target={targetKey(target)} savedAt={kept?.savedAt ?? null} discarded={discarded === "discarded"} discardHint="Discarding it starts the summary afresh." />
      <NoteBesideDraft note={note}>
      <SummaryForm
        key={kept ? "restored" : "fresh"}
        action={createSummaryAction}
        initial={{
          noteId: note?.id ?? "",
          privateLabel: "",
          title: "",
          body: "",
          depth: "BRIEF",
          framing: "CONTENT_ONLY",
          whyReasons: [],
          whyText: "",
          responseWish: "",
          ...kept?.fields,
        }}
        submitLabel="Save draft"
        formKey={randomUUID()}
        autosave={{ target: targetKey(target), restoredAt: kept?.savedAt.toISOString() ?? null }}
        authorName={(await requireUser()).displayName}
      />
      </NoteBesideDraft>
    </div>
  );
}
