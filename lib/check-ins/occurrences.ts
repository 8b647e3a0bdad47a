import { DateTime, IANAZone } from "luxon";

/**
 * Check-in schedule maths, pure: no clock and no database. A schedule is a local wall-clock
 * time on a weekday in an IANA zone; every occurrence keeps that wall time across
 * daylight-saving changes, so its UTC instant moves instead.
 */
export type Cadence = "WEEKLY" | "FORTNIGHTLY";

export type CheckInRule = {
  cadence: Cadence;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
  /** "HH:MM", 24-hour, in timeZone. */
  localTime: string;
  /** IANA zone name, e.g. "Europe/Berlin". */
  timeZone: string;
  /** The first occurrence's local date, "YYYY-MM-DD"; fortnights count from it. */
  startsOn: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

export function periodDays(cadence: Cadence): number {
  return cadence === "FORTNIGHTLY" ? 14 : 7;
}

type CalendarDate = { year: number; month: number; day: number };

function parseLocalTime(localTime: string): { hour: number; minute: number } {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(localTime);
  if (!match) throw new RangeError(`Not a local time: ${localTime}`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The instant a local date and wall time name in a zone, decided deliberately at the two
 * daylight-saving edges (as RFC 5545 does for calendar events):
 * - a wall time that occurs twice (clocks go back) is the first of the two;
 * - a wall time that never occurs (clocks go forward) is read with the offset in force just
 *   before the gap, which lands as far after the gap as it was into it (02:30 becomes 03:30).
 */
export function wallTimeToInstant(date: CalendarDate, localTime: string, timeZone: string): Date {
  const zone = IANAZone.create(timeZone);
  if (!zone.isValid) throw new RangeError(`Not an IANA time zone: ${timeZone}`);
  const { hour, minute } = parseLocalTime(localTime);
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const offsetBefore = zone.offset(wallAsUtc - DAY_MS);
  const offsetAfter = zone.offset(wallAsUtc + DAY_MS);
  const candidates = [offsetBefore, offsetAfter]
    .map((offsetMinutes) => wallAsUtc - offsetMinutes * 60_000)
    .filter((instant) => instant + zone.offset(instant) * 60_000 === wallAsUtc);
  const instant = candidates.length ? Math.min(...candidates) : wallAsUtc - offsetBefore * 60_000;
  return new Date(instant);
}

function calendarDate(isoDate: string): DateTime {
  const date = DateTime.fromISO(isoDate, { zone: "UTC" });
  if (!date.isValid) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return date;
}

/** The first date on or after startsOn that falls on the schedule's weekday. */
function firstOccurrenceDate(rule: CheckInRule): DateTime {
  const start = calendarDate(rule.startsOn);
  return start.plus({ days: (rule.weekday - start.weekday + 7) % 7 });
}

function instantOn(date: DateTime, rule: CheckInRule): Date {
  return wallTimeToInstant({ year: date.year, month: date.month, day: date.day }, rule.localTime, rule.timeZone);
}

/** The next `count` occurrences strictly after `after`, in order. */
export function occurrencesAfter(rule: CheckInRule, after: Date, count: number): Date[] {
  const first = firstOccurrenceDate(rule);
  const period = periodDays(rule.cadence);
  const localDay = DateTime.fromJSDate(after, { zone: rule.timeZone }).toISODate();
  const daysSinceFirst = localDay ? calendarDate(localDay).diff(first, "days").days : 0;
  // Start one period early: an occurrence on the same local day may still be ahead.
  let index = Math.max(0, Math.floor(daysSinceFirst / period) - 1);
  const found: Date[] = [];
  while (found.length < count) {
    const instant = instantOn(first.plus({ days: index * period }), rule);
    if (instant.getTime() > after.getTime()) found.push(instant);
    index += 1;
  }
  return found;
}

/** Every occurrence in (from, to]. */
export function occurrencesBetween(rule: CheckInRule, from: Date, to: Date): Date[] {
  const found: Date[] = [];
  let cursor = from;
  for (;;) {
    const [next] = occurrencesAfter(rule, cursor, 1);
    if (!next || next.getTime() > to.getTime()) return found;
    found.push(next);
    cursor = next;
  }
}

/** Whether an instant is one of the schedule's occurrences (a reminder planned under an older schedule is not). */
export function isOccurrenceOf(rule: CheckInRule, instant: Date): boolean {
  const [next] = occurrencesAfter(rule, new Date(instant.getTime() - 1), 1);
  return next?.getTime() === instant.getTime();
}

/** The local date, on or after today in the zone, of the next given weekday: a new schedule's startsOn. */
export function nextDateOnWeekday(weekday: number, timeZone: string, now: Date): string {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf("day");
  const date = today.plus({ days: (weekday - today.weekday + 7) % 7 });
  return date.toISODate() ?? "";
}
