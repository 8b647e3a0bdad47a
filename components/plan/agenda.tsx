"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { moveItemAction, removeItemAction, setDiscussedAction } from "@/app/plan/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { useItemChange, type ItemChange } from "@/components/ui/use-item-change";

/** One agenda item, as the plan page hands it over: words to show, nothing to compute. */
export type AgendaItem = {
  id: string;
  title: string;
  detail: string | null;
  /** "Shared by Alex", "Topic added by you". */
  byline: string;
  discussed: boolean;
  /** How the author would like a shared item answered, in words; null for a topic. */
  responseWish: string | null;
  /** The partner's disclosure: its author alone marks it discussed or takes it off (C11). Null when this person may. */
  decidedBy: string | null;
};

/**
 * What each button is called for screen readers: its action, then the item's title, e.g. "Move
 * down: Money talk". Each button points at one of these (rendered once for the whole list) and
 * at its item's heading, instead of repeating the title inside every button.
 */
const SPOKEN = {
  discussed: "Mark discussed:",
  "not-discussed": "Mark not discussed:",
  remove: "Remove from the plan:",
  up: "Move up:",
  down: "Move down:",
} as const;
type AgendaButton = keyof typeof SPOKEN;

// Short ids: each agenda button names two of them, 800 times on a full plan.
const labelId = (button: AgendaButton) => `al-${button}`;
const titleId = (index: number) => `at-${index}`;

function change(button: AgendaButton, itemId: string): ItemChange {
  const fields = { itemId };
  if (button === "discussed" || button === "not-discussed") {
    return { button, itemId, action: setDiscussedAction, fields: { ...fields, discussed: button === "discussed" ? "yes" : "no" } };
  }
  if (button === "up" || button === "down") return { button, itemId, action: moveItemAction, fields: { ...fields, direction: button } };
  return { button, itemId, action: removeItemAction, fields };
}

/**
 * The agenda, drawn in the browser from its data: every item's buttons act through one hook
 * (components/ui/use-item-change.ts). After a move, focus stays on the button pressed (so Enter moves the
 * item on), or on the item when that button is gone; after a removal, on the Agenda heading.
 */
export function Agenda({ items }: { items: AgendaItem[] }) {
  const elements = useRef(new Map<string, HTMLElement>());
  const focusAfterCommit = useRef<string[] | null>(null);
  const register = (key: string) => (element: HTMLElement | null) => {
    if (!element) return;
    elements.current.set(key, element);
    return () => {
      elements.current.delete(key);
    };
  };
  const focusFirst = (keys: string[]) => {
    for (const key of keys) {
      const element = key === "agenda" ? document.getElementById("agenda") : elements.current.get(key);
      if (element) return element.focus();
    }
  };
  const { outcome, isRunning, run } = useItemChange((done) => {
    const keys = done.button === "up" || done.button === "down" ? [`${done.button}:${done.itemId}`, `item:${done.itemId}`] : done.button === "remove" ? ["agenda"] : null;
    if (!keys) return;
    focusAfterCommit.current = keys;
    // If the agenda is gone from the new page (its last item removed), no effect of it runs.
    requestAnimationFrame(() => focusFirst(keys));
  });
  useEffect(() => {
    if (!focusAfterCommit.current) return;
    focusFirst(focusAfterCommit.current);
    focusAfterCommit.current = null;
  });

  const failedOn = outcome.state.status === "error" ? outcome.change?.itemId : null;
  const button = (name: AgendaButton, itemId: string, index: number, visible: ReactNode, pending: string) => (
    // Outside any form, a button submits nothing: no type needed. Styled by the list (globals.css).
    <button
      ref={register(`${name}:${itemId}`)}
      aria-labelledby={`${labelId(name)} ${titleId(index)}`}
      aria-disabled={isRunning(name, itemId) || undefined}
      onClick={() => run(change(name, itemId))}
    >
      {isRunning(name, itemId) ? pending : visible}
    </button>
  );

  return (
    <>
      <div hidden>
        {Object.entries(SPOKEN).map(([name, words]) => (
          <span key={name} id={labelId(name as AgendaButton)}>
            {words}
          </span>
        ))}
      </div>
      {/* Items, their headings and their buttons are styled by the list (app/globals.css). */}
      <ol className="agenda space-y-3">
        {items.map((item, index) => (
          <li key={item.id} ref={register(`item:${item.id}`)} tabIndex={-1} data-discussed={item.discussed || undefined}>
            <p>{`${index + 1}. ${item.byline}${item.discussed ? " · Discussed" : ""}`}</p>
            <h3 id={titleId(index)}>{item.title}</h3>
            {item.detail ? <p className="whitespace-pre-wrap text-stone-700 dark:text-stone-300">{item.detail}</p> : null}
            {item.responseWish ? <p className="text-sm">How to respond: {item.responseWish}</p> : null}
            {item.decidedBy ? <p className="text-sm">{`${item.decidedBy} decides when this is discussed.`}</p> : null}
            <div>
              {item.decidedBy
                ? null
                : item.discussed
                  ? button("not-discussed", item.id, index, "Mark not discussed", "Saving…")
                  : button("discussed", item.id, index, "Mark discussed", "Saving…")}
              {item.decidedBy ? null : button("remove", item.id, index, "Remove", "Removing…")}
              <div>
                {index > 0 ? button("up", item.id, index, "↑ Up", "Moving…") : null}
                {index < items.length - 1 ? button("down", item.id, index, "↓ Down", "Moving…") : null}
              </div>
            </div>
            {failedOn === item.id ? <FormAlert state={outcome.state} /> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
