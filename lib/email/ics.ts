import { DateTime, IANAZone } from "luxon";
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
  return calendar(input.timeZone, local.year - 1, local.year + 1, [
    ...eventHead(input),
    `DTSTART;TZID=${input.timeZone}:${local.toFormat("yyyyMMdd'T'HHmmss")}`,
  ]);
}

/** The recurring check-in, as downloaded from the check-ins page. */
export function recurringCalendar(input: CalendarEventBase & { rule: CheckInRule }): string {
  const { rule } = input;
  const startsOn = DateTime.fromISO(rule.startsOn, { zone: "UTC" });
  const first = startsOn.plus({ days: (rule.weekday - startsOn.weekday + 7) % 7 });
  const currentYear = DateTime.fromJSDate(input.stampedAt, { zone: rule.timeZone }).year;
  const interval = periodDays(rule.cadence) / 7;
  return calendar(rule.timeZone, first.year - 1, Math.max(first.year, currentYear) + 10, [
    ...eventHead(input),
    `DTSTART;TZID=${rule.timeZone}:${first.toFormat("yyyyMMdd")}T${rule.localTime.replace(":", "")}00`,
    `RRULE:FREQ=WEEKLY;INTERVAL=${interval};BYDAY=${ISO_WEEKDAYS[rule.weekday - 1]}`,
  ]);
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

function calendar(timeZone: string, fromYear: number, toYear: number, event: string[]): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    ...timeZoneLines(timeZone, fromYear, toYear),
    "BEGIN:VEVENT",
    ...event,
    "END:VEVENT",
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
