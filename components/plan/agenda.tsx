"use client";

import { useEffect, useRef } from "react";
import { moveItemAction, removeItemAction, setDiscussedAction } from "@/app/plan/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { useItemChange, type ItemChange } from "@/components/ui/use-item-change";
import type { AgendaAction } from "./agenda-actions";

/** One agenda item, as the plan page hands it over: words to show and what may be done to it, nothing to compute. */
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
  /** What this person may do to this item, in order (components/plan/agenda-actions.ts). */
  actions: AgendaAction[];
};

/**
 * Each action's words. `spoken` names the button for screen readers together with the item's
 * title, e.g. "Move down: Money talk": each button points at its words (rendered once for the
 * whole list) and at its item's heading, instead of repeating the title inside every button.
 * The discussed tick sits on the item's row; the others wait behind the item's "More".
 */
const ACTIONS: Record<AgendaAction, { spoken: string; visible: string; pending: string }> = {
  discussed: { spoken: "Mark discussed:", visible: "Mark discussed", pending: "Saving…" },
  "not-discussed": { spoken: "Mark not discussed:", visible: "Mark not discussed", pending: "Saving…" },
  up: { spoken: "Move up:", visible: "Move up", pending: "Moving…" },
  down: { spoken: "Move down:", visible: "Move down", pending: "Moving…" },
  remove: { spoken: "Remove from the plan:", visible: "Remove", pending: "Removing…" },
};
const isTick = (action: AgendaAction) => action === "discussed" || action === "not-discussed";

/** A detail longer than this, or of more than one line, shows its first two lines until "More" is open. */
const SHORT_DETAIL = 120;

// Short ids: each agenda button names two of them, hundreds of times on a full plan.
const labelId = (action: AgendaAction) => `al-${action}`;
/** "More: Money talk": each item's "More" is named like its buttons, by the words once and its heading. */
const MORE_ID = "al-more";
const titleId = (index: number) => `at-${index}`;

function change(action: AgendaAction, itemId: string): ItemChange {
  const fields = { itemId };
  if (isTick(action)) {
    return { button: action, itemId, action: setDiscussedAction, fields: { ...fields, discussed: action === "discussed" ? "yes" : "no" } };
  }
  if (action === "up" || action === "down") return { button: action, itemId, action: moveItemAction, fields: { ...fields, direction: action } };
  return { button: action, itemId, action: removeItemAction, fields };
}

/**
 * The agenda, drawn in the browser from its data: a compact row per item (its tick, title, who
 * brought it, the detail's first lines) with the rest of its actions behind one "More" per item,
 * a native <details>. Every action acts through one hook (components/ui/use-item-change.ts).
 * After a move, focus stays on the button pressed (so Enter moves the item on), or, at the top or
 * the foot of the list, on the move the other way; the tick keeps it as it turns; after a
 * removal, it goes to the Agenda heading.
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
    const moved = done.button === "up" || done.button === "down";
    const other = done.button === "up" ? "down" : "up";
    const keys = moved ? [`${done.button}:${done.itemId}`, `${other}:${done.itemId}`, `item:${done.itemId}`] : done.button === "remove" ? ["agenda"] : null;
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
  // Outside any form, a button submits nothing: no type needed. Styled by the list (globals.css).
  const button = (action: AgendaAction, itemId: string, index: number) => (
    <button
      key={action}
      ref={register(`${action}:${itemId}`)}
      aria-labelledby={`${labelId(action)} ${titleId(index)}`}
      aria-disabled={isRunning(action, itemId) || undefined}
      onClick={() => run(change(action, itemId))}
    >
      {isRunning(action, itemId) ? ACTIONS[action].pending : ACTIONS[action].visible}
    </button>
  );
  // One element whichever way it turns, so the focus stays on it. Its circle and check are drawn by globals.css.
  const tick = (action: AgendaAction, itemId: string, index: number) => (
    <button
      className="agenda-tick"
      aria-labelledby={`${labelId(action)} ${titleId(index)}`}
      aria-disabled={isRunning(action, itemId) || undefined}
      onClick={() => run(change(action, itemId))}
    />
  );

  return (
    <>
      <div hidden>
        {Object.entries(ACTIONS).map(([action, words]) => (
          <span key={action} id={labelId(action as AgendaAction)}>
            {words.spoken}
          </span>
        ))}
        <span id={MORE_ID}>More:</span>
      </div>
      {/* Items, their headings and their buttons are styled by the list (app/globals.css). */}
      <ol className="agenda space-y-2">
        {items.map((item, index) => {
          const tickAction = item.actions.find(isTick);
          const more = item.actions.filter((action) => !isTick(action));
          const longDetail = item.detail !== null && (item.detail.length > SHORT_DETAIL || item.detail.includes("\n"));
          return (
            <li key={item.id} ref={register(`item:${item.id}`)} tabIndex={-1} data-discussed={item.discussed || undefined}>
              {tickAction ? tick(tickAction, item.id, index) : null}
              <h3 id={titleId(index)}>{item.title}</h3>
              <p>{`${index + 1}. ${item.byline}${item.discussed ? " · Discussed" : ""}`}</p>
              {item.responseWish ? <p>How to respond: {item.responseWish}</p> : null}
              {item.decidedBy ? <p>{`${item.decidedBy} decides when this is discussed.`}</p> : null}
              {item.detail ? <p data-detail={longDetail ? "long" : "short"}>{item.detail}</p> : null}
              {more.length || longDetail ? (
                <details>
                  <summary aria-labelledby={`${MORE_ID} ${titleId(index)}`}>
                    More
                  </summary>
                  {more.length ? <div>{more.map((action) => button(action, item.id, index))}</div> : null}
                </details>
              ) : null}
              {failedOn === item.id ? <FormAlert state={outcome.state} /> : null}
            </li>
          );
        })}
      </ol>
    </>
  );
}
