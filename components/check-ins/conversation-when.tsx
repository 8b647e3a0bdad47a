import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { InputField } from "@/components/ui/field";
import { instantToLocalInput } from "@/lib/check-ins/conversations";
import { nextConversation, readingZone, type MyCheckIn } from "@/lib/data/check-ins";
import type { FormState } from "@/lib/actions/form-state";
import { TimeZoneInput } from "./time-zone-input";
import { When } from "./when";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

type Props = {
  checkIn: MyCheckIn;
  now: Date;
  actions: { move: Action; skip: Action; restore: Action; setOneOff: Action };
};

/** "Moved by you" / "skipped by Sam": the schedule is joint, so who changed it may be shown. */
function by(who: string | null): string {
  return who ? ` by ${who}` : "";
}

/**
 * The plan's "when" (decision 038): which conversation the agenda is for, in the reader's zone
 * with the zone named, and the ways to move or skip that one check-in, or to set a one-off time.
 */
export function ConversationWhen({ checkIn, now, actions }: Props) {
  const next = nextConversation(checkIn, now);
  const zone = readingZone(checkIn);
  const change = next?.plannedAt ? checkIn.changes.find((candidate) => candidate.occurrenceAt.getTime() === next.plannedAt?.getTime()) : undefined;
  const skipped = checkIn.changes.filter(
    (candidate) => candidate.kind === "SKIPPED" && candidate.occurrenceAt > now && (!next || candidate.occurrenceAt < next.at),
  );
  return (
    <div className="space-y-3">
      <p className="text-lg">
        {next ? (
          <>
            For your {next.plannedAt ? "check-in" : "conversation"} on{" "}
            <strong className="font-semibold">
              <When at={next.at} zone={zone} now={now} />
            </strong>
            .
          </>
        ) : (
          "No time set yet."
        )}
      </p>
      {next?.moved && next.plannedAt ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">
          Moved{by(change?.changedBy ?? null)} from <When at={next.plannedAt} zone={zone} now={now} />.
        </p>
      ) : null}
      {skipped.map((entry) => (
        <div key={entry.occurrenceAt.toISOString()} className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-stone-700 dark:text-stone-300">
          <p>
            The check-in on <When at={entry.occurrenceAt} zone={zone} now={now} /> is skipped{by(entry.changedBy)}.
          </p>
          <ActionForm
            action={actions.restore}
            hidden={{ occurrenceAt: entry.occurrenceAt.toISOString() }}
            submitLabel="Put it back"
            pendingLabel="Putting it back…"
            tone="secondary"
            afterSuccessFocus={["when"]}
          />
        </div>
      ))}
      {next?.plannedAt ? (
        <div className="space-y-3">
          <div className="flex flex-wrap gap-3">
            <ActionForm
              action={actions.skip}
              hidden={{ occurrenceAt: next.plannedAt.toISOString() }}
              submitLabel="Skip this one"
              pendingLabel="Skipping…"
              tone="secondary"
              afterSuccessFocus={["when"]}
            />
            {next.moved && next.plannedAt > now ? (
              <ActionForm
                action={actions.restore}
                hidden={{ occurrenceAt: next.plannedAt.toISOString() }}
                submitLabel="Back to its usual time"
                pendingLabel="Moving it back…"
                tone="secondary"
                afterSuccessFocus={["when"]}
              />
            ) : null}
          </div>
          <details className="rounded-lg border border-stone-200 p-3 dark:border-stone-800">
            <summary className="cursor-pointer font-medium">Move this check-in</summary>
            <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">
              Only this one moves; the rest of the schedule stays. Both of you see the new time, and reminders follow it.
            </p>
            <ActionForm
              action={actions.move}
              hidden={{ occurrenceAt: next.plannedAt.toISOString() }}
              submitLabel="Move it"
              pendingLabel="Moving…"
              afterSuccessFocus={["when"]}
              className="mt-3 space-y-4"
            >
              <InputField name="movedTo" label="New date and time" type="datetime-local" required defaultValue={instantToLocalInput(next.at, zone)} />
              <TimeZoneInput value={zone} />
            </ActionForm>
          </details>
        </div>
      ) : (
        <details className="rounded-lg border border-stone-200 p-3 dark:border-stone-800" open={!next && !checkIn.schedule}>
          <summary className="cursor-pointer font-medium">{checkIn.oneOffAt && checkIn.oneOffAt > now ? "Change the time" : "Set a time for one conversation"}</summary>
          <ActionForm action={actions.setOneOff} submitLabel="Save the time" pendingLabel="Saving…" tone="secondary" className="mt-3 space-y-4">
            <InputField
              name="conversationAt"
              label="Date and time (leave empty to clear)"
              type="datetime-local"
              defaultValue={checkIn.oneOffAt && checkIn.oneOffAt > now ? instantToLocalInput(checkIn.oneOffAt, zone) : undefined}
            />
            <TimeZoneInput value={zone} />
          </ActionForm>
        </details>
      )}
      <p className="text-sm">
        {checkIn.schedule ? (
          <Link href="/check-ins">All check-ins and your reminders</Link>
        ) : (
          <>
            For a regular time with email reminders, <Link href="/check-ins">plan a check-in</Link>.
          </>
        )}
      </p>
    </div>
  );
}
