"use client";

import { addSharedItemAction } from "@/app/plan/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { useItemChange } from "@/components/ui/use-item-change";

export type SharedNotOnPlanItem = { consentId: string; title: string };

/** What this person shared that is not on the agenda, each with its button to add it there (only the author may: C11). */
export function SharedNotOnPlan({ items }: { items: SharedNotOnPlanItem[] }) {
  // The item leaves this list for the agenda: focus goes to the agenda.
  const { outcome, isRunning, run } = useItemChange(() => requestAnimationFrame(() => document.getElementById("agenda")?.focus()));
  const failedOn = outcome.state.status === "error" ? outcome.change?.itemId : null;
  return (
    // Items and buttons are styled by the list (app/globals.css).
    <ul className="plan-shared space-y-2">
      {items.map((shared) => (
        <li key={shared.consentId}>
          <span>{shared.title}</span>
          <button
            aria-label={`Add to the plan: ${shared.title}`}
            aria-disabled={isRunning("add", shared.consentId) || undefined}
            onClick={() => run({ button: "add", itemId: shared.consentId, action: addSharedItemAction, fields: { consentId: shared.consentId } })}
          >
            {isRunning("add", shared.consentId) ? "Adding…" : "Add to the plan"}
          </button>
          {failedOn === shared.consentId ? (
            <div className="basis-full">
              <FormAlert state={outcome.state} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
