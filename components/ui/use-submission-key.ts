"use client";

import { useState } from "react";
import type { FormState } from "@/lib/actions/form-state";

/**
 * The one-time key a create form posts (lib/data/submissions.ts), held by the form itself. The
 * page offers a fresh key each time it renders, and it re-renders for reasons of its own (another
 * action on it revalidates, the time zone is noted): taking that new key while an answer is
 * unknown would let a retry create the same thing twice. So the form keeps the key it was opened
 * with until an answer says the submission was saved, and only then moves to a new one.
 */
export function useSubmissionKey(offered: string | undefined, state: FormState): string | undefined {
  const [held, setHeld] = useState(offered);
  const [lastAnswer, setLastAnswer] = useState(state);
  if (state !== lastAnswer) {
    setLastAnswer(state);
    if (state.status === "ok" && offered !== undefined) setHeld(offered !== held ? offered : crypto.randomUUID());
  }
  return held;
}
