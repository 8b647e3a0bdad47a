import { DateTime } from "luxon";
import { isValidTimeZone, occurrencesAfter, wallTimeToInstant, type CheckInRule } from "./occurrences";

/**
 * The couple's conversations, pure: the schedule's occurrences, less the ones a partner skipped,
 * with the ones a partner moved at their new time, plus a one-off conversation set on the plan
 * (decision 038). No clock and no database.
 */
export type OccurrenceChange = {
  /** The occurrence as the schedule planned it: the key of the change. */
  occurrenceAt: Date;
  kind: "SKIPPED" | "MOVED";
  /** Where a moved occurrence went. */
  movedTo: Date | null;
};

export type Conversation = {
  /** When it takes place. */
  at: Date;
  /** The schedule's own instant for a check-in (differs from `at` once moved); null for a one-off. */
  plannedAt: Date | null;
  moved: boolean;
};

export type ConversationInputs = {
  rule: CheckInRule | null;
  changes: readonly OccurrenceChange[];
  oneOffAt: Date | null;
};

/** The next `count` conversations strictly after `after`, in order of time. */
export function conversationsAfter({ rule, changes, oneOffAt }: ConversationInputs, after: Date, count: number): Conversation[] {
  const changed = new Set(changes.map((change) => change.occurrenceAt.getTime()));
  // Each change takes at most one planned occurrence out of the list, so this many always suffice.
  const planned = rule ? occurrencesAfter(rule, after, count + changes.length) : [];
  const found: Conversation[] = planned
    .filter((instant) => !changed.has(instant.getTime()))
    .map((instant) => ({ at: instant, plannedAt: instant, moved: false }));
  if (rule) {
    for (const change of changes) {
      if (change.kind === "MOVED" && change.movedTo && change.movedTo.getTime() > after.getTime()) {
        found.push({ at: change.movedTo, plannedAt: change.occurrenceAt, moved: true });
      }
    }
  }
  if (oneOffAt && oneOffAt.getTime() > after.getTime()) found.push({ at: oneOffAt, plannedAt: null, moved: false });
  return found.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, count);
}

/** Every conversation in (from, to]. */
export function conversationsBetween(inputs: ConversationInputs, from: Date, to: Date): Conversation[] {
  const found: Conversation[] = [];
  let cursor = from;
  for (;;) {
    const [next] = conversationsAfter(inputs, cursor, 1);
    if (!next || next.at.getTime() > to.getTime()) return found;
    found.push(next);
    cursor = next.at;
  }
}

/** Whether a conversation still takes place at `instant`: a reminder planned for it may still go out. */
export function isConversationAt(inputs: ConversationInputs, instant: Date): boolean {
  const [next] = conversationsAfter(inputs, new Date(instant.getTime() - 1), 1);
  return next?.at.getTime() === instant.getTime();
}

/** The latest a partner may move an occurrence to, counted from the time it was planned for. */
export const LONGEST_MOVE_DAYS = 28;

/**
 * An instant as its reader says it, with the zone named: "Sunday 6 December, 19:00, Europe/Berlin".
 * The year is named only when it is not the year of `now`.
 */
export function formatWhen(instant: Date, timeZone: string, now = new Date()): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const local = DateTime.fromJSDate(instant, { zone }).setLocale("en-GB");
  const sameYear = local.year === DateTime.fromJSDate(now, { zone }).year;
  const date = local.toFormat(sameYear ? "cccc d LLLL" : "cccc d LLLL yyyy");
  return `${date}, ${local.toFormat("HH:mm")}, ${zone.replace(/_/g, " ")}`;
}

/** A time of day as its reader says it, with the zone named: "19:20, Europe/Berlin". */
export function formatTimeOfDay(instant: Date, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  return `${DateTime.fromJSDate(instant, { zone }).toFormat("HH:mm")}, ${zone.replace(/_/g, " ")}`;
}

/**
 * A wall time typed in a zone ("2026-12-08T19:30"), as an instant, with the schedule's own rule at
 * the daylight-saving edges (wallTimeToInstant); null when it is not a real date and time.
 */
export function localInputToInstant(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})$/.exec(value);
  if (!match || !isValidTimeZone(timeZone)) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!DateTime.fromObject({ year, month, day }, { zone: "UTC" }).isValid || !/^([01]\d|2[0-3]):[0-5]\d$/.test(match[4] ?? "")) return null;
  return wallTimeToInstant({ year, month, day }, match[4] ?? "", timeZone);
}

/** An instant as a datetime-local field's value in a zone, to start a "move" form at its current time. */
export function instantToLocalInput(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: isValidTimeZone(timeZone) ? timeZone : "UTC" }).toFormat("yyyy-LL-dd'T'HH:mm");
}

/** When the next of a person's reminders is due: the earliest conversation-minus-lead still ahead of now. */
export function nextReminderAt(inputs: ConversationInputs, leadMinutes: readonly number[], now: Date): Date | null {
  let earliest: number | null = null;
  for (const lead of leadMinutes) {
    const [conversation] = conversationsAfter(inputs, new Date(now.getTime() + lead * 60_000), 1);
    if (!conversation) continue;
    const due = conversation.at.getTime() - lead * 60_000;
    if (earliest === null || due < earliest) earliest = due;
  }
  return earliest === null ? null : new Date(earliest);
}

export type ScheduleEntry = Conversation & { skipped: boolean };

/** The next `count` conversations, with the skipped occurrences among them shown in their place. */
export function upcomingWithSkips(inputs: ConversationInputs, after: Date, count: number): ScheduleEntry[] {
  const conversations = conversationsAfter(inputs, after, count);
  const last = conversations.at(-1);
  const skipped = inputs.changes
    .filter((change) => change.kind === "SKIPPED" && change.occurrenceAt > after && (!last || change.occurrenceAt < last.at))
    .map((change) => ({ at: change.occurrenceAt, plannedAt: change.occurrenceAt, moved: false, skipped: true }));
  return [...conversations.map((conversation) => ({ ...conversation, skipped: false })), ...skipped].sort((a, b) => a.at.getTime() - b.at.getTime());
}
