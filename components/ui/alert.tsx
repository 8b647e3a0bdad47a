import type { ReactNode } from "react";

/** Something went wrong or cannot be done, said at once to screen readers (role="alert"). */
export function Alert({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded-lg border border-rose-300 bg-rose-50 px-4 py-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100">
      {children}
    </p>
  );
}
