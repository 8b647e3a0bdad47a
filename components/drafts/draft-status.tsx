"use client";

import type { AutosaveStatus } from "./autosave";
import { ClockTime } from "./clock-time";

/**
 * The quiet line under a form: what autosave did last. Only a failure is announced (once, in its
 * own polite region); "Saved privately" changes as often as typing pauses and is never read out.
 */
export function DraftStatus({ status }: { status: AutosaveStatus }) {
  return (
    <p className="text-sm text-stone-600 dark:text-stone-400">
      {status.state === "saved" ? (
        <>
          Saved privately at <ClockTime iso={status.at} />. Only you can see it.
        </>
      ) : status.state === "idle" ? (
        "A private copy is kept as you write, for you alone."
      ) : null}
      <span role="status" className={status.state === "failed" ? "text-amber-800 dark:text-amber-200" : undefined}>
        {status.state === "failed" ? "Your words could not be kept just now. They are still here, and we will try again as you write." : ""}
      </span>
    </p>
  );
}
