import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { rememberTimeZoneAction } from "@/app/account/actions";
import { TimeZoneCapture } from "@/components/check-ins/time-zone-capture";
import { TimeZoneInput } from "@/components/check-ins/time-zone-input";
import { When } from "@/components/check-ins/when";
import { ActionForm } from "@/components/ui/action-form";
import { InputField } from "@/components/ui/field";
import { VerifyAddressPrompt } from "@/components/account/verify-address-prompt";
import { ReminderForm } from "@/components/check-ins/reminder-form";
import { ScheduleForm } from "@/components/check-ins/schedule-form";
import { getMyEmailStatus } from "@/lib/auth/email-verification";
import { requireAccess } from "@/lib/auth/session";
import { leadTimeLabel } from "@/lib/check-ins/lead-times";
import { instantToLocalInput, nextReminderAt, upcomingWithSkips, type ScheduleEntry } from "@/lib/check-ins/conversations";
import { conversationInputs, getMyCheckIn, readingZone, type MyCheckIn } from "@/lib/data/check-ins";
import { getMyReminderSettings } from "@/lib/data/reminder-preferences";
import type { DeliveryFailure } from "@/lib/generated/prisma/enums";
import { WEEKDAYS } from "@/lib/check-ins/weekdays";
import { moveOccurrenceAction, restoreOccurrenceAction, saveReminderPreferencesAction, saveScheduleAction, skipOccurrenceAction } from "./actions";

export const metadata: Metadata = { title: "Check-ins" };

const UPCOMING = 4;

/** How the page explains a reminder that was given up on, by its reason (lib/reminders/sweep.ts). */
const FAILURE_WORDS: Record<DeliveryFailure, string> = {
  REFUSED:
    "was refused by the mail server it was sent to, so it was not tried again. Check that your email address is right on your Account page; the next one will be tried as usual.",
  GAVE_UP: "could not be sent, even after several tries. Check that your email address is right; the next one will be tried as usual.",
  TOO_LATE: "was not sent: the check-in had begun before it could go out. The next one will be tried as usual.",
};

type Props = { searchParams?: Promise<{ move?: string | string[] }> };

export default async function CheckInsPage({ searchParams }: Props = {}) {
  const access = await requireAccess();
  const now = new Date();
  const checkIn = await getMyCheckIn(access, now);
  if (!checkIn) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Check-ins</h1>
        <p className="text-stone-700 dark:text-stone-300">
          A check-in is a regular time the two of you set aside to talk. To plan one, first link your account with your
          partner&apos;s.
        </p>
        <p>
          <Link href="/couple">Link with your partner</Link>
        </p>
      </div>
    );
  }

  const [settings, address] = await Promise.all([getMyReminderSettings(access), getMyEmailStatus(access)]);
  const schedule = checkIn.schedule;
  const zone = readingZone(checkIn);
  const upcoming = upcomingWithSkips(conversationInputs(checkIn), now, UPCOMING);
  const nextReminder = settings.emailEnabled && address.verified ? nextReminderAt(conversationInputs(checkIn), settings.leadMinutes, now) : null;
  const when = (at: Date) => <When at={at} zone={zone} now={now} />;
  const { move } = (await searchParams) ?? {};
  const moving = upcoming.find((entry) => !entry.skipped && entry.plannedAt?.toISOString() === move);

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Check-ins</h1>
        <p className="text-stone-700 dark:text-stone-300">
          A regular time for the two of you to talk. {checkIn.partnerName ?? "Your partner"} and you share one schedule:
          either of you can change it, and both see the change.
        </p>
      </div>

      <section aria-labelledby="next-heading" className="space-y-3">
        <h2 id="next-heading" tabIndex={-1} className="text-lg font-semibold">
          Coming up
        </h2>
        {schedule ? (
          <p className="text-stone-700 dark:text-stone-300">
            {schedule.cadence === "WEEKLY" ? "Every" : "Every other"} {WEEKDAYS[schedule.weekday - 1]} at {schedule.localTime} (
            {schedule.timeZone.replace(/_/g, " ")}). Below in your time zone, {zone.replace(/_/g, " ")}; either of you can
            skip or move one without changing the rest.
          </p>
        ) : (
          <p className="text-stone-700 dark:text-stone-300">No check-in is planned yet. Choose a day and time below.</p>
        )}
        {upcoming.length ? (
          <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
            {upcoming.map((entry) => (
              <li key={`${entry.at.toISOString()}-${entry.skipped}`} className="space-y-2 px-4 py-3">
                <EntryLine entry={entry} checkIn={checkIn} when={when} />
                <EntryActions entry={entry} now={now} />
              </li>
            ))}
          </ul>
        ) : null}
        {schedule || checkIn.oneOffAt ? (
          <p className="text-sm">
            <a href="/check-ins/check-in.ics" download>
              Add to your calendar (.ics)
            </a>
          </p>
        ) : null}
      </section>

      {moving?.plannedAt ? (
        <section aria-labelledby="move-heading" className="space-y-3 rounded-xl border border-teal-300 p-4 dark:border-teal-800">
          <h2 id="move-heading" tabIndex={-1} className="text-lg font-semibold">
            Move the check-in on {when(moving.at)}
          </h2>
          <p className="text-sm text-stone-700 dark:text-stone-300">
            Only this one moves; the rest of the schedule stays. Both of you see the new time, and reminders follow it.
          </p>
          <ActionForm action={moveOccurrenceAction} hidden={{ occurrenceAt: moving.plannedAt.toISOString() }} submitLabel="Move it" pendingLabel="Moving…">
            <InputField name="movedTo" label="New date and time" type="datetime-local" required defaultValue={instantToLocalInput(moving.at, zone)} />
            <TimeZoneInput value={zone} id="field-move-timeZone" />
          </ActionForm>
          <p className="text-sm">
            <Link href="/check-ins">Keep it as it is</Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="schedule-heading" className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
        <h2 id="schedule-heading" className="text-lg font-semibold">
          {schedule ? "Change the check-in" : "Plan a check-in"}
        </h2>
        <ScheduleForm
          action={saveScheduleAction}
          initial={{
            cadence: schedule?.cadence ?? "WEEKLY",
            weekday: String(schedule?.weekday ?? 7),
            localTime: schedule?.localTime ?? "19:00",
            timeZone: schedule?.timeZone ?? checkIn.myTimeZone,
          }}
        />
      </section>

      <section aria-labelledby="reminders-heading" className="space-y-4 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
        <div className="space-y-1">
          <h2 id="reminders-heading" className="text-lg font-semibold">
            My reminders
          </h2>
          <p className="text-sm text-stone-700 dark:text-stone-300">
            Just for you: your partner chooses their own, and neither of you sees the other&apos;s. A reminder says only
            when the check-in is, with a link here.
          </p>
        </div>
        {address.verified ? null : (
          <VerifyAddressPrompt email={address.email} reason="Reminders are sent only to a verified address, so none will be sent until it is." />
        )}
        {settings.lastFailure ? (
          <Alert>
            Your last reminder ({leadTimeLabel(settings.lastFailure.leadMinutes)} the check-in on{" "}
            {when(settings.lastFailure.occurrenceAt)}){" "}
            {FAILURE_WORDS[settings.lastFailure.reason]}
          </Alert>
        ) : null}
        {settings.retrying ? (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            Sending a reminder did not work the first time. It will be tried again at{" "}
            {when(settings.retrying.nextAttemptAt)}.
          </p>
        ) : null}
        <p>
          {!settings.emailEnabled ? (
            settings.unsubscribedAt ? (
              "You unsubscribed from reminder emails. Turn them on again here whenever you like."
            ) : (
              "Reminders are off until you turn them on."
            )
          ) : !address.verified ? (
            "Reminders are on, and start once your address is verified."
          ) : nextReminder ? (
            <>
              Your next reminder will be sent at{" "}
              <strong>
                {when(nextReminder)}
              </strong>
              .
            </>
          ) : (
            "Reminders are on. They start once a check-in or a conversation is planned."
          )}
        </p>
        <ReminderForm action={saveReminderPreferencesAction} emailEnabled={settings.emailEnabled} leadMinutes={settings.leadMinutes} />
      </section>
      {checkIn.myTimeZone ? null : <TimeZoneCapture action={rememberTimeZoneAction} />}
    </div>
  );
}

/** "moved by Sam from …", "skipped by you": the schedule is joint, so who changed it may be shown. */
function EntryLine({ entry, checkIn, when }: { entry: ScheduleEntry; checkIn: MyCheckIn; when: (at: Date) => React.ReactNode }) {
  const change = entry.plannedAt ? checkIn.changes.find((candidate) => candidate.occurrenceAt.getTime() === entry.plannedAt?.getTime()) : undefined;
  const by = change?.changedBy ? ` by ${change.changedBy}` : "";
  if (entry.skipped) {
    return (
      <p>
        <s className="text-stone-500 dark:text-stone-400">{when(entry.at)}</s> <span className="text-sm">Skipped{by}.</span>
      </p>
    );
  }
  return (
    <p>
      {when(entry.at)}
      {entry.plannedAt === null ? <span className="text-sm text-stone-700 dark:text-stone-300"> One conversation, set on the plan.</span> : null}
      {entry.moved && entry.plannedAt ? (
        <span className="block text-sm text-stone-700 dark:text-stone-300">
          Moved{by} from {when(entry.plannedAt)}.
        </span>
      ) : null}
    </p>
  );
}

/** Skip, move or put back one occurrence; a one-off is changed on the plan. */
function EntryActions({ entry, now }: { entry: ScheduleEntry; now: Date }) {
  if (!entry.plannedAt) return null;
  const occurrence = { occurrenceAt: entry.plannedAt.toISOString() };
  const changed = entry.skipped || entry.moved;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      {entry.skipped ? null : (
        <>
          <ActionForm
            action={skipOccurrenceAction}
            hidden={occurrence}
            submitLabel="Skip this one"
            pendingLabel="Skipping…"
            tone="secondary"
            afterSuccessFocus={["next-heading"]}
          />
          <Link href={`/check-ins?move=${encodeURIComponent(occurrence.occurrenceAt)}#move-heading`}>Move this one</Link>
        </>
      )}
      {changed && entry.plannedAt > now ? (
        <ActionForm
          action={restoreOccurrenceAction}
          hidden={occurrence}
          submitLabel="Put it back"
          pendingLabel="Putting it back…"
          tone="secondary"
          afterSuccessFocus={["next-heading"]}
        />
      ) : null}
    </div>
  );
}
