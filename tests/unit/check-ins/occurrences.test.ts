import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  isOccurrenceOf,
  nextDateOnWeekday,
  occurrencesAfter,
  occurrencesBetween,
  wallTimeToInstant,
  type CheckInRule,
} from "@/lib/check-ins/occurrences";

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

function weekly(timeZone: string, weekday: number, localTime: string, startsOn = "2026-01-01"): CheckInRule {
  return { cadence: "WEEKLY", weekday, localTime, timeZone, startsOn };
}

describe("weekly check-ins keep their local time across daylight saving", () => {
  it("Europe/Berlin: Monday 19:00 moves an hour earlier in UTC when summer time starts", () => {
    const rule = weekly("Europe/Berlin", 1, "19:00");
    expect(iso(occurrencesAfter(rule, new Date("2026-03-20T00:00:00Z"), 2))).toEqual([
      "2026-03-23T18:00:00.000Z",
      "2026-03-30T17:00:00.000Z",
    ]);
  });

  it("Europe/Berlin: Monday 19:00 moves an hour later in UTC when summer time ends", () => {
    const rule = weekly("Europe/Berlin", 1, "19:00");
    expect(iso(occurrencesAfter(rule, new Date("2026-10-15T00:00:00Z"), 2))).toEqual([
      "2026-10-19T17:00:00.000Z",
      "2026-10-26T18:00:00.000Z",
    ]);
  });

  it("America/New_York: a time inside the spring-forward gap is held as far after the gap as it was into it", () => {
    const rule = weekly("America/New_York", 7, "02:30");
    // 1 March 02:30 EST; 8 March 02:30 does not exist, so 03:30 EDT; 15 March 02:30 EDT.
    expect(iso(occurrencesAfter(rule, new Date("2026-02-28T00:00:00Z"), 3))).toEqual([
      "2026-03-01T07:30:00.000Z",
      "2026-03-08T07:30:00.000Z",
      "2026-03-15T06:30:00.000Z",
    ]);
  });

  it("America/New_York: a time that happens twice when clocks go back is the first of the two", () => {
    const rule = weekly("America/New_York", 7, "01:30");
    // 1 November 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST): the first one counts.
    expect(iso(occurrencesAfter(rule, new Date("2026-10-24T00:00:00Z"), 3))).toEqual([
      "2026-10-25T05:30:00.000Z",
      "2026-11-01T05:30:00.000Z",
      "2026-11-08T06:30:00.000Z",
    ]);
  });

  it("Australia/Sydney: summer time ends in April and starts in October, and an evening check-in follows both", () => {
    const rule = weekly("Australia/Sydney", 7, "19:00");
    expect(iso(occurrencesAfter(rule, new Date("2026-03-28T00:00:00Z"), 3))).toEqual([
      "2026-03-29T08:00:00.000Z",
      "2026-04-05T09:00:00.000Z",
      "2026-04-12T09:00:00.000Z",
    ]);
    expect(iso(occurrencesAfter(rule, new Date("2026-09-26T00:00:00Z"), 2))).toEqual([
      "2026-09-27T09:00:00.000Z",
      "2026-10-04T08:00:00.000Z",
    ]);
  });

  it("Australia/Sydney: the doubled hour in April and the skipped hour in October are handled like New York's", () => {
    const rule = weekly("Australia/Sydney", 7, "02:30");
    // 5 April 02:30 happens twice (AEDT then AEST): the first, at +11. 4 October 02:30 is skipped: 03:30 AEDT.
    expect(iso(occurrencesAfter(rule, new Date("2026-04-04T00:00:00Z"), 1))).toEqual(["2026-04-04T15:30:00.000Z"]);
    expect(iso(occurrencesAfter(rule, new Date("2026-10-03T00:00:00Z"), 1))).toEqual(["2026-10-03T16:30:00.000Z"]);
  });

  it("every occurrence over a year shows the chosen wall time in its zone, except inside a spring-forward gap", () => {
    for (const timeZone of ["Europe/Berlin", "America/New_York", "Australia/Sydney"]) {
      const rule = weekly(timeZone, 3, "18:45");
      const occurrences = occurrencesAfter(rule, new Date("2026-01-01T00:00:00Z"), 53);
      expect(occurrences).toHaveLength(53);
      for (const occurrence of occurrences) {
        const local = DateTime.fromJSDate(occurrence, { zone: timeZone });
        expect(local.toFormat("c HH:mm")).toBe("3 18:45");
      }
    }
  });
});

describe("cadence and start date", () => {
  it("a fortnightly check-in counts weeks from its first date", () => {
    const rule: CheckInRule = { cadence: "FORTNIGHTLY", weekday: 1, localTime: "20:00", timeZone: "UTC", startsOn: "2026-01-05" };
    expect(iso(occurrencesAfter(rule, new Date("2026-01-06T00:00:00Z"), 2))).toEqual([
      "2026-01-19T20:00:00.000Z",
      "2026-02-02T20:00:00.000Z",
    ]);
    expect(isOccurrenceOf(rule, new Date("2026-01-19T20:00:00Z"))).toBe(true);
    expect(isOccurrenceOf(rule, new Date("2026-01-12T20:00:00Z"))).toBe(false);
  });

  it("nothing happens before the start date, and a start date off the weekday moves to the next one", () => {
    const rule = weekly("UTC", 5, "09:00", "2026-06-01");
    expect(iso(occurrencesAfter(rule, new Date("2026-01-01T00:00:00Z"), 1))).toEqual(["2026-06-05T09:00:00.000Z"]);
  });

  it("a check-in later today is next; one exactly now is not", () => {
    const rule = weekly("UTC", 1, "18:00");
    expect(iso(occurrencesAfter(rule, new Date("2026-06-01T17:59:00Z"), 1))).toEqual(["2026-06-01T18:00:00.000Z"]);
    expect(iso(occurrencesAfter(rule, new Date("2026-06-01T18:00:00Z"), 1))).toEqual(["2026-06-08T18:00:00.000Z"]);
  });

  it("occurrences in a window are listed once each, the end included", () => {
    const rule = weekly("UTC", 1, "18:00");
    expect(iso(occurrencesBetween(rule, new Date("2026-06-01T18:00:00Z"), new Date("2026-06-15T18:00:00Z")))).toEqual([
      "2026-06-08T18:00:00.000Z",
      "2026-06-15T18:00:00.000Z",
    ]);
  });

  it("an hour off, or a schedule's old time, is not an occurrence", () => {
    const rule = weekly("Europe/Berlin", 1, "19:00");
    expect(isOccurrenceOf(rule, new Date("2026-03-30T17:00:00Z"))).toBe(true);
    expect(isOccurrenceOf(rule, new Date("2026-03-30T18:00:00Z"))).toBe(false);
  });

  it("a new schedule starts on the next matching weekday as the schedule's zone sees today", () => {
    const now = new Date("2026-03-01T23:30:00Z"); // Monday 00:30 in Berlin, still Sunday in New York
    expect(nextDateOnWeekday(7, "Europe/Berlin", now)).toBe("2026-03-08");
    expect(nextDateOnWeekday(7, "America/New_York", now)).toBe("2026-03-01");
  });

  it("refuses a time that is not HH:MM and a zone that does not exist", () => {
    expect(() => wallTimeToInstant({ year: 2026, month: 1, day: 1 }, "25:00", "UTC")).toThrow(RangeError);
    expect(() => wallTimeToInstant({ year: 2026, month: 1, day: 1 }, "10:00", "Mars/Olympus")).toThrow(RangeError);
  });
});
