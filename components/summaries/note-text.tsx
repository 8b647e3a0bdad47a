"use client";

/**
 * The source note's words for the composer: a text area that keeps its text (every change is
 * undone at once, and it says it is read-only), not a `readOnly` one, in which Chromium moves no
 * cursor: here a passage can be selected with Shift and the arrow keys as well as the mouse, and
 * a screen reader can read it word by word. It belongs to no form, so nothing in it is sent.
 */
export function NoteText({ id, text, labelledBy, describedBy }: { id: string; text: string; labelledBy: string; describedBy: string }) {
  return (
    <textarea
      id={id}
      value={text}
      // Controlled by `text` alone: React puts the words back after any keystroke that would change them.
      onChange={() => undefined}
      aria-readonly="true"
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      spellCheck={false}
      rows={8}
      className="field-sizing-content block max-h-[60vh] w-full resize-none rounded-lg border border-stone-300 bg-white px-3 py-2 leading-relaxed text-stone-900 focus:border-teal-600 focus:ring-2 focus:ring-teal-600 focus:outline-hidden dark:border-stone-600 dark:bg-stone-900 dark:text-stone-100"
    />
  );
}
