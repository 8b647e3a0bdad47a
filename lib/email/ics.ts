import { DateTime, IANAZone } from "luxon";
import type { OccurrenceChange } from "@/lib/check-ins/conversations";
import { periodDays, type CheckInRule } from "@/lib/check-ins/occurrences";

/**
 * iCalendar (RFC 5545) files for a check-in. Times are written as local wall time with the
 * schedule's TZID, and the zone's rules are included as a VTIMEZONE, so a calendar keeps the
 * chosen local time across daylight-saving changes and shows it in the reader's own zone.
 */

/** Neutral on purpose: it may show on a lock screen or a shared calendar. */
export const CALENDAR_SUMMARY = "Check-in together";
const PRODUCT_ID = "-//Common Ground//Check-ins//EN";
const DURATION = "PT1H";
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

type CalendarEventBase = { uid: string; url: string; stampedAt: Date };

/** One occurrence, as attached to a reminder email. */
export function occurrenceCalendar(input: CalendarEventBase & { occurrenceAt: Date; timeZone: string }): string {
  const local = DateTime.fromJSDate(input.occurrenceAt, { zone: input.timeZone });
  return calendar(timeZoneLines(input.timeZone, local.year - 1, local.year + 1), [
    [...eventHead(input), `DTSTART;TZID=${input.timeZone}:${local.toFormat("yyyyMMdd'T'HHmmss")}`],
  ]);
}

/**
 * The couple's conversations, as downloaded from the check-ins page (decision 040): the recurring
 * check-in with its skipped occurrences as EXDATE and each moved one as its own VEVENT with the
 * same UID and a RECURRENCE-ID naming the planned time, plus a one-off conversation as an event of
 * its own. A moved occurrence is not also listed in EXDATE: RECURRENCE-ID must name an instance of
 * the recurrence set, and a calendar drops an override whose instance was excluded.
 */
export function recurringCalendar(
  input: CalendarEventBase & { rule: CheckInRule | null; changes: readonly OccurrenceChange[]; oneOff: { uid: string; at: Date; timeZone: string } | null },
): string {
  const { rule, oneOff } = input;
  const years = [DateTime.fromJSDate(input.stampedAt, { zone: "UTC" }).year];
  const zones = new Map<string, number[]>();
  const events: string[][] = [];
  if (rule) {
    const startsOn = DateTime.fromISO(rule.startsOn, { zone: "UTC" });
    const first = startsOn.plus({ days: (rule.weekday - startsOn.weekday + 7) % 7 });
    const interval = periodDays(rule.cadence) / 7;
    const wallTime = `T${rule.localTime.replace(":", "")}00`;
    // A planned occurrence is named by its date and the rule's wall time, as the RRULE yields it, even
    // when that wall time falls in a daylight-saving gap and the stored instant is an hour later.
    const planned = (instant: Date) => `TZID=${rule.timeZone}:${DateTime.fromJSDate(instant, { zone: rule.timeZone }).toFormat("yyyyMMdd")}${wallTime}`;
    const skipped = input.changes.filter((change) => change.kind === "SKIPPED").map((change) => `EXDATE;${planned(change.occurrenceAt)}`);
    events.push([
      ...eventHead(input),
      `DTSTART;TZID=${rule.timeZone}:${first.toFormat("yyyyMMdd")}${wallTime}`,
      `RRULE:FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${ISO_WEEKDAYS[rule.weekday - 1]}`,
      ...skipped,
    ]);
    const ruleYears = [first.year, ...years];
    for (const change of input.changes) {
      if (change.kind !== "MOVED" || !change.movedTo) continue;
      events.push([...eventHead(input), `RECURRENCE-ID;${planned(change.occurrenceAt)}`, `DTSTART;TZID=${rule.timeZone}:${localStamp(change.movedTo, rule.timeZone)}`]);
      ruleYears.push(change.occurrenceAt.getUTCFullYear(), change.movedTo.getUTCFullYear());
    }
    zones.set(rule.timeZone, ruleYears);
  }
  if (oneOff) {
    events.push([...eventHead({ ...input, uid: oneOff.uid }), `DTSTART;TZID=${oneOff.timeZone}:${localStamp(oneOff.at, oneOff.timeZone)}`]);
    zones.set(oneOff.timeZone, [...(zones.get(oneOff.timeZone) ?? years), oneOff.at.getUTCFullYear()]);
  }
  const timeZones = [...zones].flatMap(([zone, seen]) => timeZoneLines(zone, Math.min(...seen) - 1, Math.max(...seen) + 10));
  return calendar(timeZones, events);
}

function localStamp(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toFormat("yyyyMMdd'T'HHmmss");
}

function eventHead(input: CalendarEventBase): string[] {
  return [
    `UID:${input.uid}`,
    `DTSTAMP:${DateTime.fromJSDate(input.stampedAt, { zone: "UTC" }).toFormat("yyyyMMdd'T'HHmmss'Z'")}`,
    `SUMMARY:${escapeText(CALENDAR_SUMMARY)}`,
    `DESCRIPTION:${escapeText(`Open Common Ground: ${input.url}`)}`,
    `URL:${input.url}`,
    `DURATION:${DURATION}`,
  ];
}

function calendar(timeZones: string[], events: string[][]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...timeZones,
    ...events.flatMap((event) => ["BEGIN:VEVENT", ...event, "END:VEVENT"]),
    "END:VCALENDAR",
  ];
  return lines.map(fold).join("\r\n") + "\r\n";
}

type Transition = { at: number; offsetFrom: number; offsetTo: number };

/** Every change of UTC offset in the zone between the two years, found to the minute. */
export function offsetTransitions(timeZone: string, fromYear: number, toYear: number): Transition[] {
  const zone = IANAZone.create(timeZone);
  const end = Date.UTC(toYear + 1, 0, 1);
  const transitions: Transition[] = [];
  for (let day = Date.UTC(fromYear, 0, 1); day < end; day += DAY_MS) {
    const offsetFrom = zone.offset(day);
    const offsetTo = zone.offset(day + DAY_MS);
    if (offsetFrom === offsetTo) continue;
    let low = day;
    let high = day + DAY_MS;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (zone.offset(middle) === offsetFrom) low = middle;
      else high = middle;
    }
    transitions.push({ at: high, offsetFrom, offsetTo });
  }
  return transitions;
}

// Zone rules do not change while the process runs, and finding transitions is the costly part.
const timeZoneCache = new Map<string, string[]>();

function timeZoneLines(timeZone: string, fromYear: number, toYear: number): string[] {
  const key = `${timeZone} ${fromYear} ${toYear}`;
  let lines = timeZoneCache.get(key);
  if (!lines) {
    lines = buildTimeZoneLines(timeZone, fromYear, toYear);
    timeZoneCache.set(key, lines);
  }
  return lines;
}

function buildTimeZoneLines(timeZone: string, fromYear: number, toYear: number): string[] {
  const transitions = offsetTransitions(timeZone, fromYear, toYear);
  const observances = transitions.length
    ? transitions.map((transition) => {
        const after = DateTime.fromMillis(transition.at, { zone: timeZone });
        // An observance starts at the wall time just before the change, read in the old offset.
        const wallBefore = DateTime.fromMillis(transition.at + transition.offsetFrom * 60_000, { zone: "UTC" });
        return observance(after.isInDST ? "DAYLIGHT" : "STANDARD", transition.offsetFrom, transition.offsetTo, wallBefore, after);
      })
    : [fixedOffsetObservance(timeZone, fromYear)];
  return ["BEGIN:VTIMEZONE", `TZID:${timeZone}`, ...observances.flat(), "END:VTIMEZONE"];
}

/** A zone without daylight saving in the range has one observance from 1970 on. */
function fixedOffsetObservance(timeZone: string, year: number): string[] {
  const sample = DateTime.fromMillis(Date.UTC(year, 0, 1), { zone: timeZone });
  const since1970 = DateTime.fromMillis(0, { zone: "UTC" });
  return observance("STANDARD", sample.offset, sample.offset, since1970, sample);
}

function observance(kind: "DAYLIGHT" | "STANDARD", offsetFrom: number, offsetTo: number, start: DateTime, sample: DateTime): string[] {
  return [
    `BEGIN:${kind}`,
    `TZOFFSETFROM:${formatOffset(offsetFrom)}`,
    `TZOFFSETTO:${formatOffset(offsetTo)}`,
    `TZNAME:${sample.setLocale("en-US").offsetNameShort ?? formatOffset(offsetTo)}`,
    `DTSTART:${start.toFormat("yyyyMMdd'T'HHmmss")}`,
    `END:${kind}`,
  ];
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, "0")}${String(absolute % 60).padStart(2, "0")}`;
}

function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  for (const character of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + character, "utf8") > limit) {
      parts.push(current);
      current = "";
    }
    current += character;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
