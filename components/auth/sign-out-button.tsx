"use client";

import { useState } from "react";

/** Signs out of this browser. next-auth's client loads on the click, not with every page. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      aria-disabled={pending}
      onClick={async () => {
        if (pending) return;
        setPending(true);
        try {
          const { signOut } = await import("next-auth/react");
          await signOut({ callbackUrl: "/sign-in?signedOut=1" });
        } catch (error) {
          setPending(false);
          throw error;
        }
      }}
      className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-teal-800 underline-offset-4 hover:underline aria-disabled:opacity-60 dark:text-teal-300"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
