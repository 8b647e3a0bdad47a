"use client";

import { useState } from "react";

/** Ends this browser's session on the server, then opens sign-in as a new page (no cached pages kept). */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      aria-disabled={pending}
      onClick={async () => {
        if (pending) return;
        setPending(true);
        const response = await fetch("/api/sign-out", { method: "POST" }).catch(() => null);
        if (!response?.ok) {
          setPending(false);
          throw new Error("Signing out failed: the server could not be reached. Try again.");
        }
        window.location.replace("/sign-in?signedOut=1");
      }}
      className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-teal-800 underline-offset-4 hover:underline aria-disabled:opacity-60 dark:text-teal-300"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
