import { describe, expect, it } from "vitest";
import {
  conversationsAfter,
  conversationsBetween,
  formatTimeOfDay,
  formatWhen,
  instantToLocalInput,
  isConversationAt,
  localInputToInstant,
  nextReminderAt,
  upcomingWithSkips,
  type ConversationInputs,
  type OccurrenceChange,
} from "@/lib/check-ins/conversations";
import type { CheckInRule } from "@/lib/check-ins/occurrences";

const at = (iso: string) => new Date(iso);
const times = (list: { at: Date }[]) => list.map((entry) => entry.at.toISOString());

// Sundays 02:30 in Berlin: 29 March 2026 is the spring-forward day (02:30 never happens, so it is 03:30 CEST),
// 25 October 2026 the fall-back day (02:30 happens twice; the first, CEST, is taken).
const berlinNight: CheckInRule = { cadence: "WEEKLY", weekday: 7, localTime: "02:30", timeZone: "Europe/Berlin", startsOn: "2026-01-04" };
const berlinEvening: CheckInRule = { cadence: "WEEKLY", weekday: 7, localTime: "19:00", timeZone: "Europe/Berlin", startsOn: "2026-01-04" };
const sydney: CheckInRule = { cadence: "FORTNIGHTLY", weekday: 1, localTime: "18:00", timeZone: "Australia/Sydney", startsOn: "2026-03-23" };

function inputs(rule: CheckInRule | null, changes: OccurrenceChange[] = [], oneOffAt: Date | null = null): ConversationInputs {
  return { rule, changes, oneOffAt };
}

describe("occurrences with skips and moves", () => {
  it("without changes, the conversations are the schedule's occurrences, across the spring-forward gap", () => {
    expect(times(conversationsAfter(inputs(berlinNight), at("2026-03-21T00:00:00Z"), 3))).toEqual([
      "2026-03-22T01:30:00.000Z", // 02:30 CET
      "2026-03-29T01:30:00.000Z", // 02:30 does not exist: 03:30 CEST
      "2026-04-05T00:30:00.000Z", // 02:30 CEST
    ]);
  });

  it("a skipped occurrence is gone, and the next one takes its turn; the rest of the schedule stays", () => {
    const skip: OccurrenceChange = { occurrenceAt: at("2026-03-29T01:30:00Z"), kind: "SKIPPED", movedTo: null };
    expect(times(conversationsAfter(inputs(berlinNight, [skip]), at("2026-03-23T00:00:00Z"), 2))).toEqual([
      "2026-04-05T00:30:00.000Z",
      "2026-04-12T00:30:00.000Z",
    ]);
    expect(isConversationAt(inputs(berlinNight, [skip]), at("2026-03-29T01:30:00Z"))).toBe(false);
    expect(isConversationAt(inputs(berlinNight, [skip]), at("2026-04-05T00:30:00Z"))).toBe(true);
  });

  it("a moved occurrence takes place at its new instant, named once, in order among the others", () => {
    // The fall-back Sunday's 02:30 (the first, CEST) moved to the Tuesday after, 19:00 CET.
    const move: OccurrenceChange = { occurrenceAt: at("2026-10-25T00:30:00Z"), kind: "MOVED", movedTo: at("2026-10-27T18:00:00Z") };
    const found = conversationsAfter(inputs(berlinNight, [move]), at("2026-10-20T00:00:00Z"), 3);
    expect(times(found)).toEqual(["2026-10-27T18:00:00.000Z", "2026-11-01T01:30:00.000Z", "2026-11-08T01:30:00.000Z"]);
    expect(found[0]).toMatchObject({ plannedAt: at("2026-10-25T00:30:00Z"), moved: true });
    expect(isConversationAt(inputs(berlinNight, [move]), at("2026-10-25T00:30:00Z"))).toBe(false);
    expect(isConversationAt(inputs(berlinNight, [move]), at("2026-10-27T18:00:00Z"))).toBe(true);
  });

  it("an occurrence moved later than the next one comes after it; one moved earlier than now is not ahead", () => {
    const later: OccurrenceChange = { occurrenceAt: at("2026-03-22T18:00:00Z"), kind: "MOVED", movedTo: at("2026-03-31T17:00:00Z") };
    expect(times(conversationsAfter(inputs(berlinEvening, [later]), at("2026-03-20T00:00:00Z"), 3))).toEqual([
      "2026-03-29T17:00:00.000Z", // summer time: 19:00 CEST
      "2026-03-31T17:00:00.000Z",
      "2026-04-05T17:00:00.000Z",
    ]);
    // Planned ahead but moved to a time already past: nothing of it is ahead any more.
    const past: OccurrenceChange = { occurrenceAt: at("2026-03-29T17:00:00Z"), kind: "MOVED", movedTo: at("2026-03-27T17:00:00Z") };
    expect(times(conversationsAfter(inputs(berlinEvening, [past]), at("2026-03-28T00:00:00Z"), 1))).toEqual(["2026-04-05T17:00:00.000Z"]);
  });

  it("a planned occurrence already past but moved to a time ahead is still ahead", () => {
    const move: OccurrenceChange = { occurrenceAt: at("2026-03-22T18:00:00Z"), kind: "MOVED", movedTo: at("2026-03-24T18:00:00Z") };
    expect(times(conversationsAfter(inputs(berlinEvening, [move]), at("2026-03-23T00:00:00Z"), 2))).toEqual([
      "2026-03-24T18:00:00.000Z",
      "2026-03-29T17:00:00.000Z",
    ]);
  });

  it("many skips in a row still yield the asked number of conversations (fortnightly, southern autumn change)", () => {
    // Sydney leaves summer time on 5 April 2026: Monday 18:00 is 07:00Z before, 08:00Z after.
    const skips: OccurrenceChange[] = ["2026-03-23T07:00:00Z", "2026-04-06T08:00:00Z", "2026-04-20T08:00:00Z"].map((iso) => ({
      occurrenceAt: at(iso),
      kind: "SKIPPED",
      movedTo: null,
    }));
    expect(times(conversationsAfter(inputs(sydney, skips), at("2026-03-01T00:00:00Z"), 2))).toEqual(["2026-05-04T08:00:00.000Z", "2026-05-18T08:00:00.000Z"]);
  });

  it("a one-off conversation stands with or without a schedule, in order of time", () => {
    const oneOff = at("2026-03-25T18:30:00Z");
    expect(times(conversationsAfter(inputs(null, [], oneOff), at("2026-03-20T00:00:00Z"), 3))).toEqual(["2026-03-25T18:30:00.000Z"]);
    const both = conversationsAfter(inputs(berlinEvening, [], oneOff), at("2026-03-20T00:00:00Z"), 3);
    expect(times(both)).toEqual(["2026-03-22T18:00:00.000Z", "2026-03-25T18:30:00.000Z", "2026-03-29T17:00:00.000Z"]);
    expect(both[1]).toMatchObject({ plannedAt: null, moved: false });
    expect(conversationsAfter(inputs(null, [], oneOff), at("2026-03-26T00:00:00Z"), 1)).toEqual([]);
  });

  it("between two instants lists each conversation once, moved ones included", () => {
    const move: OccurrenceChange = { occurrenceAt: at("2026-03-22T18:00:00Z"), kind: "MOVED", movedTo: at("2026-03-21T10:00:00Z") };
    expect(times(conversationsBetween(inputs(berlinEvening, [move]), at("2026-03-20T00:00:00Z"), at("2026-03-30T00:00:00Z")))).toEqual([
      "2026-03-21T10:00:00.000Z",
      "2026-03-29T17:00:00.000Z",
    ]);
  });

  it("the upcoming list shows skipped occurrences in their place, marked", () => {
    const skip: OccurrenceChange = { occurrenceAt: at("2026-03-29T17:00:00Z"), kind: "SKIPPED", movedTo: null };
    const list = upcomingWithSkips(inputs(berlinEvening, [skip]), at("2026-03-23T00:00:00Z"), 2);
    expect(list.map((entry) => [entry.at.toISOString(), entry.skipped])).toEqual([
      ["2026-03-29T17:00:00.000Z", true],
      ["2026-04-05T17:00:00.000Z", false],
      ["2026-04-12T17:00:00.000Z", false],
    ]);
  });
});

describe("reminder times", () => {
  it("the next reminder is the earliest lead time still ahead, and follows a skip or a move", () => {
    const rule: CheckInRule = { cadence: "WEEKLY", weekday: 1, localTime: "19:00", timeZone: "Europe/Berlin", startsOn: "2026-01-05" };
    // Check-in Monday 30 March 17:00Z; a day before is 29 March 17:00Z, an hour before 16:00Z on the 30th.
    expect(nextReminderAt(inputs(rule), [1440, 60], at("2026-03-29T12:00:00Z"))?.toISOString()).toBe("2026-03-29T17:00:00.000Z");
    expect(nextReminderAt(inputs(rule), [1440, 60], at("2026-03-29T18:00:00Z"))?.toISOString()).toBe("2026-03-30T16:00:00.000Z");
    expect(nextReminderAt(inputs(rule), [], at("2026-03-29T18:00:00Z"))).toBeNull();
    const skipped = inputs(rule, [{ occurrenceAt: at("2026-03-30T17:00:00Z"), kind: "SKIPPED", movedTo: null }]);
    expect(nextReminderAt(skipped, [60], at("2026-03-29T12:00:00Z"))?.toISOString()).toBe("2026-04-06T16:00:00.000Z");
    const moved = inputs(rule, [{ occurrenceAt: at("2026-03-30T17:00:00Z"), kind: "MOVED", movedTo: at("2026-03-31T17:30:00Z") }]);
    expect(nextReminderAt(moved, [60], at("2026-03-29T12:00:00Z"))?.toISOString()).toBe("2026-03-31T16:30:00.000Z");
  });
});

describe("times as each reader says them", () => {
  const instant = at("2026-12-06T18:00:00Z");
  const now = at("2026-11-29T12:00:00Z");

  it("names the day, the time and the zone, in the reader's zone", () => {
    expect(formatWhen(instant, "Europe/Berlin", now)).toBe("Sunday 6 December, 19:00, Europe/Berlin");
    expect(formatWhen(instant, "America/New_York", now)).toBe("Sunday 6 December, 13:00, America/New York");
    expect(formatWhen(instant, "Australia/Sydney", now)).toBe("Monday 7 December, 05:00, Australia/Sydney");
  });

  it("says a time of day (the end of a pause) in the reader's zone, with the zone named", () => {
    expect(formatTimeOfDay(instant, "Europe/Berlin")).toBe("19:00, Europe/Berlin");
    expect(formatTimeOfDay(instant, "America/New_York")).toBe("13:00, America/New York");
    expect(formatTimeOfDay(instant, "Mars/Olympus")).toBe("18:00, UTC");
  });

  it("names the year when it is not this year's, and falls back to UTC, named, for an unknown zone", () => {
    expect(formatWhen(at("2027-01-03T18:00:00Z"), "Europe/Berlin", now)).toBe("Sunday 3 January 2027, 19:00, Europe/Berlin");
    expect(formatWhen(instant, "Mars/Olympus", now)).toBe("Sunday 6 December, 18:00, UTC");
  });

  it("reads a typed wall time in the chosen zone, with the schedule's rules at the daylight-saving edges", () => {
    expect(localInputToInstant("2026-12-08T19:30", "Europe/Berlin")?.toISOString()).toBe("2026-12-08T18:30:00.000Z");
    expect(localInputToInstant("2026-03-29T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(localInputToInstant("2026-10-25T02:30", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(localInputToInstant("2026-02-30T19:00", "Europe/Berlin")).toBeNull();
    expect(localInputToInstant("2026-12-08T24:00", "Europe/Berlin")).toBeNull();
    expect(localInputToInstant("next tuesday", "Europe/Berlin")).toBeNull();
    expect(localInputToInstant("2026-12-08T19:30", "Mars/Olympus")).toBeNull();
    expect(instantToLocalInput(at("2026-12-08T18:30:00Z"), "Europe/Berlin")).toBe("2026-12-08T19:30");
  });
});
