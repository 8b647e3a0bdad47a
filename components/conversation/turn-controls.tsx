import { callPauseAction, markDiscussedAction, moveConversationAction, passTurnAction } from "@/app/conversation/actions";
import { ActionForm } from "@/components/ui/action-form";
import { DEFAULT_PAUSE_MINUTES, PAUSE_MINUTES } from "@/lib/conversation/pause";

type Props = {
  position: string;
  /** The agenda item the couple is on, when this person may mark it discussed (never another's shared item, C11). */
  markableItemId: string | null;
  hasPrevious: boolean;
  hasNext: boolean;
};

/**
 * After a press, the answer is a toast (an inline message would crowd the bar) and focus stays
 * on the button pressed, or goes to the stop's heading if that button is gone.
 */
const stay = (id: string) => ({ submitId: id, afterSuccessFocus: [id, "stop-heading"] });

/**
 * The buttons of the conversation, kept together at the foot of the screen on a phone so one
 * thumb reaches them. Each form says which stop it was pressed at, so a tap on one phone after
 * the other phone moved on changes nothing (lib/data/conversation.ts).
 */
export function TurnControls({ position, markableItemId, hasPrevious, hasNext }: Props) {
  return (
    <section
      aria-label="Conversation controls"
      className="sticky bottom-[calc(3.1rem+env(safe-area-inset-bottom))] z-10 -mx-4 space-y-2 border-t border-stone-200 bg-white px-4 py-2 sm:static sm:mx-0 sm:space-y-3 sm:rounded-xl sm:border sm:py-3 dark:border-stone-800 dark:bg-stone-950 [&_.button]:h-full [&_.button]:min-h-12 [&_.button]:w-full [&_form]:h-full"
    >
      <div className="grid grid-cols-2 gap-2 sm:gap-3">
        <ActionForm action={passTurnAction} {...stay("turn-pass")} hidden={{ from: position }} submitLabel="Pass the turn" pendingLabel="Passing…" />
        {markableItemId ? (
          <ActionForm action={markDiscussedAction} {...stay("turn-discussed")} hidden={{ itemId: markableItemId }} submitLabel="Mark discussed" pendingLabel="Marking…" tone="secondary" />
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-2 sm:gap-3">
        {hasPrevious ? (
          <ActionForm action={moveConversationAction} {...stay("turn-previous")} hidden={{ from: position, direction: "previous" }} submitLabel="Previous" pendingLabel="Going back…" tone="secondary" />
        ) : (
          <span />
        )}
        {hasNext ? (
          <ActionForm action={moveConversationAction} {...stay("turn-next")} hidden={{ from: position, direction: "next" }} submitLabel="Next" pendingLabel="Moving on…" tone="secondary" />
        ) : (
          <a href="#close" className="button button-secondary no-underline">
            Ready to close
          </a>
        )}
      </div>
      <ActionForm action={callPauseAction} afterSuccessFocus={["pause-heading"]} submitLabel="Call a pause" pendingLabel="Pausing…" tone="secondary" className="grid grid-cols-2 items-end gap-2 sm:gap-3">
        <label className="block text-sm">
          <span className="sr-only">How long</span>
          <select name="minutes" defaultValue={String(DEFAULT_PAUSE_MINUTES)} className="block min-h-12 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base dark:border-stone-600 dark:bg-stone-900">
            {PAUSE_MINUTES.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes} minutes
              </option>
            ))}
          </select>
        </label>
      </ActionForm>
    </section>
  );
}
