import type { ReactNode } from "react";

/** A short confirmation after an action (e.g. "Saved."), announced politely. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="rounded-lg border border-teal-300 bg-teal-50 px-4 py-3 text-sm text-teal-900 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-100">
      {children}
    </p>
  );
}
