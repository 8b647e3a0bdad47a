import type { FormState } from "@/lib/actions/form-state";

/**
 * The form-level message, announced to screen readers when it appears. Forms without inline
 * field errors pass `listFieldErrors` so each problem is spelled out here.
 */
export function FormAlert({ state, listFieldErrors = false }: { state: FormState; listFieldErrors?: boolean }) {
  if (state.status === "idle") return <div role="status" aria-live="polite" className="sr-only" />;
  const tone =
    state.status === "error"
      ? "border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
      : "border-teal-300 bg-teal-50 text-teal-900 dark:border-teal-800 dark:bg-teal-950 dark:text-teal-100";
  return (
    <div role={state.status === "error" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 text-sm ${tone}`}>
      {state.message}
      {listFieldErrors && state.status === "error" ? (
        <ul className="mt-1 list-disc pl-5">
          {Object.values(state.fieldErrors)
            .flat()
            .map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}
