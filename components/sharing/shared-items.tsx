"use client";

import Link from "next/link";
import { acknowledgeAction, addSharedToPlanAction } from "@/app/shared/actions";
import { buttonClass } from "@/components/ui/button-class";
import { FormAlert } from "@/components/ui/form-alert";
import { useItemChange, type ItemChange } from "@/components/ui/use-item-change";
import type { SharedItem } from "@/lib/data/consent";
import { SharedItemCard } from "./shared-item-card";

type ItemButton = "acknowledge" | "add";

const BUTTONS: Record<ItemButton, { action: ItemChange["action"]; label: string; pending: string }> = {
  acknowledge: { action: acknowledgeAction, label: "Acknowledge", pending: "Saving…" },
  add: { action: addSharedToPlanAction, label: "Add to our plan", pending: "Adding…" },
};

/**
 * One side of the shared view, drawn in the browser from its data: what the partner shared
 * (each can be acknowledged and put on the plan), or what I shared (each links back to its
 * summary). The buttons act through one hook (components/ui/use-item-change.ts) rather than a
 * form per button, and after a change focus stays where it was.
 */
export function SharedItems({ items, from, partnerName, myName }: { items: SharedItem[]; from: "partner" | "me"; partnerName: string; myName: string }) {
  const { outcome, isRunning, run } = useItemChange(() => undefined);
  const failedOn = outcome.state.status === "error" ? outcome.change?.itemId : null;
  const button = (name: ItemButton, consentId: string) => (
    <button
      type="button"
      aria-disabled={isRunning(name, consentId) || undefined}
      onClick={() => run({ button: name, itemId: consentId, action: BUTTONS[name].action, fields: { consentId } })}
      className={buttonClass("secondary")}
    >
      {isRunning(name, consentId) ? BUTTONS[name].pending : BUTTONS[name].label}
    </button>
  );
  return items.map((item) => (
    <SharedItemCard
      key={item.consentId}
      item={item}
      authorName={from === "partner" ? item.authorName : myName}
      byline={from === "me" && item.acknowledged ? `${partnerName} acknowledged this` : undefined}
      footer={
        <>
          {from === "partner" ? (
            <div className="flex flex-wrap gap-3">
              {item.acknowledged ? <p className="text-sm text-teal-800 dark:text-teal-300">You acknowledged this.</p> : button("acknowledge", item.consentId)}
              {item.onPlan ? <p className="text-sm">On your plan.</p> : button("add", item.consentId)}
            </div>
          ) : (
            <div className="flex flex-wrap gap-3 text-sm">
              {item.summaryId ? <Link href={`/summaries/${item.summaryId}`}>Edit or unshare</Link> : null}
              {item.onPlan ? <span>On your plan.</span> : button("add", item.consentId)}
            </div>
          )}
          {failedOn === item.consentId ? <FormAlert state={outcome.state} /> : null}
        </>
      }
    />
  ));
}
