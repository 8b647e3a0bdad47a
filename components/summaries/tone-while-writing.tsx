"use client";

import { reviewTone, toneTriggers } from "@/lib/consent/tone-check";
import { ToneMarks } from "./tone-marks";

export type ToneNow = { suggestion: string | null; triggers: string[] };

/** The tone check (C8) on the words the partner would read, as they stand in the form. */
export function toneOf(form: HTMLFormElement): ToneNow {
  const read = (name: string) => {
    const field = form.elements.namedItem(name);
    return field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement ? field.value : "";
  };
  const text = ["title", "body", "whyText"].map(read).filter(Boolean).join("\n");
  const review = reviewTone(text);
  return { suggestion: review.suggestion, triggers: review.suggest ? toneTriggers(text) : [] };
}

/** The gentle suggestion while writing: advisory, polite, and gone as soon as the words change. */
export function ToneWhileWriting({ tone }: { tone: ToneNow }) {
  return (
    <div aria-live="polite">
      {tone.suggestion ? (
        <section
          aria-labelledby="tone-while-writing-heading"
          className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
        >
          <h2 id="tone-while-writing-heading" className="font-semibold">
            A gentle suggestion
          </h2>
          <p>{tone.suggestion}</p>
          <ToneMarks triggers={tone.triggers} />
        </section>
      ) : null}
    </div>
  );
}
