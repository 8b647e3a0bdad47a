"use client";

import { useFormActionState } from "@/components/ui/use-form-action-state";
import { useState } from "react";
import { createInviteAction } from "@/app/couple/actions";
import { buttonClass } from "@/components/ui/button-class";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";

/** Creates an invite link and shows it once, with a copy button. */
export function InvitePanel({ hasOpenInvite }: { hasOpenInvite: boolean }) {
  const [state, formAction] = useFormActionState(createInviteAction);
  const [copied, setCopied] = useState(false);
  const link = state.status === "ok" ? state.data?.link : undefined;
  return (
    <div className="space-y-4">
      <form action={formAction}>
        <SubmitButton pendingLabel="Creating a link…">
          {hasOpenInvite || link ? "Create a new invite link" : "Create an invite link"}
        </SubmitButton>
      </form>
      <FormAlert state={state} />
      {link ? (
        <div className="space-y-2">
          <label htmlFor="invite-link" className="block text-sm font-medium">
            Invite link (works once, for 7 days)
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="invite-link"
              readOnly
              value={link}
              onFocus={(event) => event.currentTarget.select()}
              className="min-w-0 flex-1 rounded-lg border border-stone-300 bg-white px-3 py-2 font-mono text-sm dark:border-stone-600 dark:bg-stone-900"
            />
            <button
              type="button"
              className={buttonClass("secondary")}
              onClick={() => {
                void navigator.clipboard.writeText(link).then(() => setCopied(true));
              }}
            >
              {copied ? "Copied" : "Copy link"}
            </button>
          </div>
          <p className="text-sm text-stone-600 dark:text-stone-400" aria-live="polite">
            Send it to your partner however you like. Anyone with the link can use it once, so share it only with them.
          </p>
        </div>
      ) : null}
    </div>
  );
}
