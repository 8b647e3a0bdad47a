"use client";

import { useState, useSyncExternalStore } from "react";
import { buttonClass } from "@/components/ui/button-class";

const subscribeNever = () => () => {};

/** The passage selected in the note (components/summaries/note-text.tsx), trimmed; empty when nothing is. */
function selectedWithin(sourceId: string): string {
  const source = document.getElementById(sourceId);
  if (!(source instanceof HTMLTextAreaElement)) return "";
  return source.value.slice(source.selectionStart, source.selectionEnd).trim();
}

/**
 * Copies a passage selected in the note into the draft's body, where the cursor is. Copy and
 * paste does the same without JavaScript, so the button appears only once it can work.
 */
export function QuoteInDraft({ sourceId, targetId }: { sourceId: string; targetId: string }) {
  // False on the server and before hydration, true once the button can work.
  const ready = useSyncExternalStore(subscribeNever, () => true, () => false);
  const [message, setMessage] = useState("");
  if (!ready) {
    return (
      <p id="quote-in-draft-hint" className="text-stone-600 dark:text-stone-400">
        Copy a passage to use it in your draft.
      </p>
    );
  }
  const quote = () => {
    const passage = selectedWithin(sourceId);
    const target = document.getElementById(targetId);
    if (!(target instanceof HTMLTextAreaElement)) return;
    if (!passage) {
      setMessage("Select a passage of the note first (drag over it, or hold Shift and use the arrow keys), then choose Quote in draft.");
      return;
    }
    const before = target.value.slice(0, target.selectionStart);
    const after = target.value.slice(target.selectionEnd);
    const gap = before && !before.endsWith("\n") ? "\n" : "";
    const inserted = `${gap}“${passage}”\n`;
    target.value = `${before}${inserted}${after}`;
    const cursor = before.length + inserted.length;
    target.focus();
    target.setSelectionRange(cursor, cursor);
    target.dispatchEvent(new Event("input", { bubbles: true }));
    setMessage("Quoted in your draft. Edit it freely: only what you write in the draft can be shared.");
  };
  return (
    <div className="space-y-2">
      <p id="quote-in-draft-hint" className="text-stone-600 dark:text-stone-400">
        Select a passage above, then quote it in your draft.
      </p>
      <button type="button" onClick={quote} className={buttonClass("secondary")}>
        Quote in draft
      </button>
      <p role="status" className="text-stone-700 dark:text-stone-300">
        {message}
      </p>
    </div>
  );
}
