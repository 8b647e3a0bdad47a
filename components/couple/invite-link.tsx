"use client";

import { useState } from "react";
import { buttonClass } from "@/components/ui/button-class";

/** The open invite's link, with a copy button: the same link an invite email carries. */
export function InviteLink({ link, expiresAt }: { link: string; expiresAt: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-2">
      <label htmlFor="invite-link" className="block text-sm font-medium">
        Your invite link (works once, until {expiresAt})
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
  );
}
