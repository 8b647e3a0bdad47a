"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/sign-in?signedOut=1" });
      }}
      className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-teal-800 underline-offset-4 hover:underline disabled:opacity-60 dark:text-teal-300"
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
