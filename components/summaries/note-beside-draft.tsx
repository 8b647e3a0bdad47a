import type { ReactNode } from "react";
import { AudienceTag } from "./audience";
import { NoteText } from "./note-text";
import { QuoteInDraft } from "./quote-in-draft";

type SourceNote = { title: string; body: string; workingOn: string | null };

/**
 * The composer: the private note the draft starts from, beside the draft at 1024 px and wider,
 * above it (and foldable) on a phone. Without a note, just the draft.
 */
export function NoteBesideDraft({ note, children }: { note: SourceNote | null; children: ReactNode }) {
  if (!note) return <>{children}</>;
  return (
    <div className="grid gap-6 lg:mx-[calc((100%_-_min(64rem,100vw_-_2rem))/2)] lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:items-start">
      <aside aria-labelledby="source-note-heading" className="lg:sticky lg:top-4">
        <details open className="group rounded-xl border border-dashed border-stone-400 bg-stone-50 p-4 dark:border-stone-600 dark:bg-stone-950">
          <summary className="cursor-pointer">
            <h2 id="source-note-heading" className="inline text-base font-semibold">
              Your note: {note.title}
            </h2>
          </summary>
          <div className="mt-3 space-y-3 text-sm">
            <p>
              <AudienceTag audience="only-me" />
              Your partner never sees this note, or that it exists.
            </p>
            {note.workingOn ? (
              <p>
                <span className="font-medium">What I&apos;m working on:</span> {note.workingOn}
              </p>
            ) : null}
            <NoteText id="source-note-body" text={note.body} labelledBy="source-note-heading" describedBy="quote-in-draft-hint" />
            <QuoteInDraft sourceId="source-note-body" targetId="field-body" />
          </div>
        </details>
      </aside>
      <div>{children}</div>
    </div>
  );
}
