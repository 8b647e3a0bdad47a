import type { FormState } from "@/lib/actions/form-state";

/** The form-level message, announced to screen readers when it appears. */
export function FormAlert({ state }: { state: FormState }) {
  if (state.status === "idle") return <div role="status" aria-live="polite" className="sr-only" />;
  const tone =
    state.status === "error"
      ? "border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
      : "border-teal-300 bg-teal-50 text-teal-900 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-100";
  return (
    <div role={state.status === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 text-sm ${tone}`}>
      {state.message}
    </div>
  );
}
