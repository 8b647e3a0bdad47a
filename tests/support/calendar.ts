import ICAL from "ical.js";

/** One calendar event as a calendar application reads it (parsed by ical.js, decision 031). */
export type CalendarEvent = {
  uid: string;
  summary: string;
  description: string;
  url: string;
  /** The zone named by DTSTART, resolved through the file's own VTIMEZONE. */
  timeZone: string;
  /** DTSTART as wall time in that zone, e.g. "2026-11-30T19:00:00". */
  localStart: string;
  durationMinutes: number;
  /** The RRULE as written, or null for a single occurrence. */
  recurrence: string | null;
  /** The first `count` occurrences as instants, expanded by the parser from DTSTART and RRULE. */
  occurrences: (count: number) => Date[];
};

/**
 * Parses an .ics file that must hold exactly one event, the way a calendar would: its
 * VTIMEZONE blocks define the zones its times refer to, so an event's instants come from the
 * file's own offsets and daylight-saving rules, not from zone data the reader happens to know.
 */
export function parseSingleEvent(text: string): CalendarEvent {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== "vcalendar") throw new Error(`Expected a VCALENDAR, found ${calendar.name}.`);
  for (const definition of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(definition));
  const events = calendar.getAllSubcomponents("vevent");
  if (events.length !== 1) throw new Error(`Expected one VEVENT, found ${events.length}.`);
  const event = new ICAL.Event(events[0]);
  const start = event.startDate;
  const timeZone = String(events[0]!.getFirstProperty("dtstart")?.getParameter("tzid") ?? "");
  if (!timeZone || !ICAL.TimezoneService.has(timeZone) || start.zone?.tzid !== timeZone) {
    throw new Error(`DTSTART must name a zone the file defines; it names "${timeZone}".`);
  }
  const rule = events[0]!.getFirstPropertyValue("rrule");
  return {
    uid: event.uid,
    summary: event.summary,
    description: event.description,
    url: String(events[0]!.getFirstPropertyValue("url") ?? ""),
    timeZone,
    localStart: start.toString(),
    durationMinutes: event.duration.toSeconds() / 60,
    recurrence: rule ? rule.toString() : null,
    occurrences: (count) => {
      const expansion = event.iterator();
      const instants: Date[] = [];
      for (let next = expansion.next(); next && instants.length < count; next = expansion.next()) instants.push(next.toJSDate());
      return instants;
    },
  };
}

/** One conversation as a calendar application shows it, after skips (EXDATE) and moves (RECURRENCE-ID). */
export type ExpandedOccurrence = {
  uid: string;
  at: Date;
  /** The planned time a moved occurrence replaces; null when it takes place as planned or is not recurring. */
  movedFrom: Date | null;
};

/**
 * Every event of an .ics file expanded up to `until`, the way a calendar reads it: VTIMEZONE blocks
 * define the zones, EXDATE removes an instance, and a VEVENT with a RECURRENCE-ID replaces the
 * instance of its UID's rule at that time (an override whose instance is not in the rule is lost).
 */
export function expandCalendar(text: string, until: Date): ExpandedOccurrence[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const definition of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(definition));
  const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  const masters = events.filter((event) => !event.isRecurrenceException());
  for (const exception of events.filter((event) => event.isRecurrenceException())) {
    const master = masters.find((event) => event.uid === exception.uid);
    if (!master) throw new Error(`A RECURRENCE-ID for ${exception.uid} has no event to belong to.`);
    master.relateException(exception);
  }
  const found: ExpandedOccurrence[] = [];
  for (const master of masters) {
    const expansion = master.iterator();
    for (let next = expansion.next(); next && next.toJSDate() <= until; next = expansion.next()) {
      const details = master.getOccurrenceDetails(next);
      const moved = details.item !== master;
      found.push({ uid: master.uid, at: details.startDate.toJSDate(), movedFrom: moved ? details.recurrenceId.toJSDate() : null });
      if (!master.isRecurring()) break;
    }
  }
  return found.sort((a, b) => a.at.getTime() - b.at.getTime());
}
