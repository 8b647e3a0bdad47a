import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { LocalTime } from "@/components/check-ins/local-time";
import { VerifyAddressPrompt } from "@/components/account/verify-address-prompt";
import { ReminderForm } from "@/components/check-ins/reminder-form";
import { ScheduleForm } from "@/components/check-ins/schedule-form";
import { getMyEmailStatus } from "@/lib/auth/email-verification";
import { requireAccess } from "@/lib/auth/session";
import { leadTimeLabel } from "@/lib/check-ins/lead-times";
import { formatInstant, nextReminderAt, occurrencesAfter } from "@/lib/check-ins/occurrences";
import { listTimeZones } from "@/lib/check-ins/time-zones";
import { getMyCheckIn } from "@/lib/data/check-ins";
import { getMyReminderSettings } from "@/lib/data/reminder-preferences";
import type { DeliveryFailure } from "@/lib/generated/prisma/enums";
import { WEEKDAYS } from "@/lib/check-ins/weekdays";
import { saveReminderPreferencesAction, saveScheduleAction } from "./actions";

export const metadata: Metadata = { title: "Check-ins" };

const UPCOMING = 4;

/** How the page explains a reminder that was given up on, by its reason (lib/reminders/sweep.ts). */
const FAILURE_WORDS: Record<DeliveryFailure, string> = {
  REFUSED:
    "was refused by the mail server it was sent to, so it was not tried again. Check that your email address is right on your Account page; the next one will be tried as usual.",
  GAVE_UP: "could not be sent, even after several tries. Check that your email address is right; the next one will be tried as usual.",
  TOO_LATE: "was not sent: the check-in had begun before it could go out. The next one will be tried as usual.",
};

export default async function CheckInsPage() {
  const access = await requireAccess();
  const checkIn = await getMyCheckIn(access);
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
  const now = new Date();
  const schedule = checkIn.schedule;
  const upcoming = schedule ? occurrencesAfter(schedule, now, UPCOMING) : [];
  const nextReminder = schedule && settings.emailEnabled && address.verified ? nextReminderAt(schedule, settings.leadMinutes, now) : null;
  const inZone = (instant: Date) => (schedule ? `${formatInstant(instant, schedule.timeZone)} (${schedule.timeZone})` : "");

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
        <h2 id="next-heading" className="text-lg font-semibold">
          Coming up
        </h2>
        {schedule ? (
          <>
            <p className="text-stone-700 dark:text-stone-300">
              {schedule.cadence === "WEEKLY" ? "Every" : "Every other"} {WEEKDAYS[schedule.weekday - 1]} at {schedule.localTime} (
              {schedule.timeZone}). Shown below in your own time zone.
            </p>
            <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
              {upcoming.map((occurrence) => (
                <li key={occurrence.toISOString()} className="px-4 py-3">
                  <LocalTime iso={occurrence.toISOString()} fallback={inZone(occurrence)} />
                </li>
              ))}
            </ul>
            <p className="text-sm">
              <a href="/check-ins/check-in.ics" download>
                Add to your calendar (.ics)
              </a>
            </p>
          </>
        ) : (
          <p className="text-stone-700 dark:text-stone-300">No check-in is planned yet. Choose a day and time below.</p>
        )}
      </section>

      <section aria-labelledby="schedule-heading" className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
        <h2 id="schedule-heading" className="text-lg font-semibold">
          {schedule ? "Change the check-in" : "Plan a check-in"}
        </h2>
        <ScheduleForm
          action={saveScheduleAction}
          zones={listTimeZones()}
          initial={{
            cadence: schedule?.cadence ?? "WEEKLY",
            weekday: String(schedule?.weekday ?? 7),
            localTime: schedule?.localTime ?? "19:00",
            timeZone: schedule?.timeZone ?? null,
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
            <LocalTime iso={settings.lastFailure.occurrenceAt.toISOString()} fallback={inZone(settings.lastFailure.occurrenceAt)} />){" "}
            {FAILURE_WORDS[settings.lastFailure.reason]}
          </Alert>
        ) : null}
        {settings.retrying ? (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            Sending a reminder did not work the first time. It will be tried again at{" "}
            <LocalTime iso={settings.retrying.nextAttemptAt.toISOString()} fallback={inZone(settings.retrying.nextAttemptAt)} />.
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
                <LocalTime iso={nextReminder.toISOString()} fallback={inZone(nextReminder)} />
              </strong>
              .
            </>
          ) : (
            "Reminders are on. They start once a check-in is planned."
          )}
        </p>
        <ReminderForm action={saveReminderPreferencesAction} emailEnabled={settings.emailEnabled} leadMinutes={settings.leadMinutes} />
      </section>
    </div>
  );
}
