"use client";

import { unstable_rethrow } from "next/navigation";
import { useActionState, useOptimistic, useTransition } from "react";
import { formError, IDLE, UNREACHABLE_MESSAGE, type FormState } from "@/lib/actions/form-state";
import { toast } from "./toaster";

type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** One button's change to one item of a list: which server action, with which fields. */
export type ItemChange = {
  /** Which button asked for it, e.g. "up"; with the item's id, it names the button. */
  button: string;
  itemId: string;
  action: FormAction;
  fields: Record<string, string>;
};

export type ItemChangeOutcome = { change: ItemChange | null; state: FormState };

/**
 * The per-item buttons of a long list (the plan's agenda, its shared items) without a form per
 * item: each button sends its change through this one hook, so the page carries the list's data
 * once instead of several forms, hidden inputs and action ids per item. It keeps what a form
 * per item gave: the pressed button shows that it is working and ignores a second press; a
 * success is confirmed by a toast (the item may have moved or gone) and `afterSuccess` says
 * where focus goes; a refusal, or a request that could not reach the app, comes back as the
 * outcome's error, shown next to that item.
 */
export function useItemChange(afterSuccess: (change: ItemChange) => void) {
  const [running, setRunning] = useOptimistic<string | null>(null);
  const [, startTransition] = useTransition();
  const [outcome, dispatch] = useActionState(async (_previous: ItemChangeOutcome, change: ItemChange): Promise<ItemChangeOutcome> => {
    setRunning(keyOf(change));
    const formData = new FormData();
    for (const [name, value] of Object.entries(change.fields)) formData.set(name, value);
    let state: FormState;
    try {
      state = await change.action(IDLE, formData);
    } catch (error) {
      // A redirect (to sign-in) also arrives as a throw: let the router follow it.
      unstable_rethrow(error);
      console.error("A change could not be sent:", error);
      state = formError(UNREACHABLE_MESSAGE);
    }
    if (state.status === "ok") {
      toast(state.message);
      afterSuccess(change);
    }
    return { change, state };
  }, { change: null, state: IDLE });

  return {
    outcome,
    /** Whether this button's change is on its way. */
    isRunning: (button: string, itemId: string) => running === `${button}:${itemId}`,
    run: (change: ItemChange) => {
      if (running === keyOf(change)) return;
      startTransition(() => dispatch(change));
    },
  };
}

const keyOf = (change: ItemChange) => `${change.button}:${change.itemId}`;
