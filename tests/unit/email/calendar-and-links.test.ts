import { describe, expect, it } from "vitest";
import { occurrenceCalendar, offsetTransitions, recurringCalendar } from "@/lib/email/ics";
import { unsubscribeToken, verifyUnsubscribeToken } from "@/lib/reminders/unsubscribe-link";
import { occurrencesAfter } from "@/lib/check-ins/occurrences";
import { expandCalendar, parseSingleEvent } from "../../support/calendar";

const USER = "3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e";
const SECRET = "unit-test-secret-0123456789abcdef0123456789";

describe("calendar files", () => {
  it("finds each zone's daylight-saving changes to the minute, in both hemispheres", () => {
    expect(offsetTransitions("Europe/Berlin", 2026, 2026)).toEqual([
      { at: Date.parse("2026-03-29T01:00:00Z"), offsetFrom: 60, offsetTo: 120 },
      { at: Date.parse("2026-10-25T01:00:00Z"), offsetFrom: 120, offsetTo: 60 },
    ]);
    expect(offsetTransitions("Australia/Sydney", 2026, 2026)).toEqual([
      { at: Date.parse("2026-04-04T16:00:00Z"), offsetFrom: 660, offsetTo: 600 },
      { at: Date.parse("2026-10-03T16:00:00Z"), offsetFrom: 600, offsetTo: 660 },
    ]);
    expect(offsetTransitions("Asia/Tokyo", 2026, 2026)).toEqual([]);
  });

  it("one occurrence reads back, in a calendar parser, as its local time in its zone and the right instant", () => {
    const event = parseSingleEvent(
      occurrenceCalendar({
        uid: "u@test",
        url: "http://app.test/check-ins",
        stampedAt: new Date("2026-11-01T00:00:00Z"),
        occurrenceAt: new Date("2026-11-30T18:00:00Z"),
        timeZone: "Europe/Berlin",
      }),
    );
    expect(event).toMatchObject({
      uid: "u@test",
      summary: "Check-in together",
      description: "Open Common Ground: http://app.test/check-ins",
      url: "http://app.test/check-ins",
      timeZone: "Europe/Berlin",
      localStart: "2026-11-30T19:00:00",
      durationMinutes: 60,
      recurrence: null,
    });
    expect(event.occurrences(5)).toEqual([new Date("2026-11-30T18:00:00Z")]);
  });

  it("a summer occurrence takes its offset from the file's daylight-saving observance", () => {
    const event = parseSingleEvent(
      occurrenceCalendar({ uid: "u@test", url: "http://app.test/check-ins", stampedAt: new Date("2026-06-01T00:00:00Z"), occurrenceAt: new Date("2026-07-01T17:00:00Z"), timeZone: "Europe/Berlin" }),
    );
    expect(event.localStart).toBe("2026-07-01T19:00:00");
    expect(event.occurrences(1)).toEqual([new Date("2026-07-01T17:00:00Z")]);
  });

  it("a zone without daylight saving reads back at its fixed offset", () => {
    const event = parseSingleEvent(
      occurrenceCalendar({ uid: "u@test", url: "http://app.test/check-ins", stampedAt: new Date("2026-11-01T00:00:00Z"), occurrenceAt: new Date("2026-11-30T10:00:00Z"), timeZone: "Asia/Tokyo" }),
    );
    expect(event).toMatchObject({ timeZone: "Asia/Tokyo", localStart: "2026-11-30T19:00:00" });
    expect(event.occurrences(1)).toEqual([new Date("2026-11-30T10:00:00Z")]);
  });

  it("a recurring check-in keeps its wall time across a daylight-saving change, every other week", () => {
    const event = parseSingleEvent(
      recurringCalendar({
        uid: "u@test",
        url: "http://app.test/check-ins",
        stampedAt: new Date("2026-01-01T00:00:00Z"),
        rule: { cadence: "FORTNIGHTLY", weekday: 7, localTime: "19:00", timeZone: "Europe/Berlin", startsOn: "2026-03-10" },
        changes: [],
        oneOff: null,
      }),
    );
    expect(event).toMatchObject({ localStart: "2026-03-15T19:00:00", recurrence: "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU" });
    // Berlin moves to summer time on 29 March: 19:00 is 18:00 UTC before, 17:00 UTC after.
    expect(event.occurrences(3)).toEqual([new Date("2026-03-15T18:00:00Z"), new Date("2026-03-29T17:00:00Z"), new Date("2026-04-12T17:00:00Z")]);
  });

  it("a recurring check-in starts on its first weekday and keeps the chosen wall time, even inside a gap", () => {
    const event = parseSingleEvent(
      recurringCalendar({
        uid: "u@test",
        url: "http://app.test/check-ins",
        stampedAt: new Date("2026-01-01T00:00:00Z"),
        rule: { cadence: "WEEKLY", weekday: 7, localTime: "02:30", timeZone: "America/New_York", startsOn: "2026-03-02" },
        changes: [],
        oneOff: null,
      }),
    );
    // 02:30 does not exist in New York on 8 March 2026 (clocks jump from 02:00 to 03:00); the week after it does.
    expect(event).toMatchObject({ timeZone: "America/New_York", localStart: "2026-03-08T02:30:00", recurrence: "FREQ=WEEKLY;BYDAY=SU" });
    expect(event.occurrences(2)[1]).toEqual(new Date("2026-03-15T06:30:00Z"));
  });

  it("a skipped check-in is an EXDATE and a moved one an override at its new time, both across a daylight-saving change", () => {
    const rule = { cadence: "WEEKLY" as const, weekday: 7, localTime: "19:00", timeZone: "Europe/Berlin", startsOn: "2026-03-01" };
    // Sunday 22 March (winter time) is skipped; Sunday 5 April (summer time) moves to Monday 6 April, 20:30.
    const ics = recurringCalendar({
      uid: "u@test",
      url: "http://app.test/check-ins",
      stampedAt: new Date("2026-02-01T00:00:00Z"),
      rule,
      changes: [
        { occurrenceAt: new Date("2026-03-22T18:00:00Z"), kind: "SKIPPED", movedTo: null },
        { occurrenceAt: new Date("2026-04-05T17:00:00Z"), kind: "MOVED", movedTo: new Date("2026-04-06T18:30:00Z") },
      ],
      oneOff: { uid: "one-off@test", at: new Date("2026-03-25T17:30:00Z"), timeZone: "America/New_York" },
    });
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("EXDATE;TZID=Europe/Berlin:20260322T190000\r\n");
    expect(unfolded).toContain("RECURRENCE-ID;TZID=Europe/Berlin:20260405T190000\r\nDTSTART;TZID=Europe/Berlin:20260406T203000\r\n");
    // The moved one is not excluded too: a calendar would then drop its override along with it.
    expect(unfolded).not.toContain("EXDATE;TZID=Europe/Berlin:20260405");
    expect(unfolded).toContain("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n");
    expect(expandCalendar(ics, new Date("2026-04-13T00:00:00Z"))).toEqual([
      { uid: "u@test", at: new Date("2026-03-01T18:00:00Z"), movedFrom: null },
      { uid: "u@test", at: new Date("2026-03-08T18:00:00Z"), movedFrom: null },
      { uid: "u@test", at: new Date("2026-03-15T18:00:00Z"), movedFrom: null },
      { uid: "one-off@test", at: new Date("2026-03-25T17:30:00Z"), movedFrom: null },
      { uid: "u@test", at: new Date("2026-03-29T17:00:00Z"), movedFrom: null },
      { uid: "u@test", at: new Date("2026-04-06T18:30:00Z"), movedFrom: new Date("2026-04-05T17:00:00Z") },
      { uid: "u@test", at: new Date("2026-04-12T17:00:00Z"), movedFrom: null },
    ]);
  });

  it("skips a check-in whose wall time falls in the daylight-saving gap, by the time the rule names", () => {
    const rule = { cadence: "WEEKLY" as const, weekday: 7, localTime: "02:30", timeZone: "America/New_York", startsOn: "2026-03-01" };
    const [, gapDay] = occurrencesAfter(rule, new Date("2026-03-01T00:00:00Z"), 2);
    const ics = recurringCalendar({
      uid: "u@test",
      url: "http://app.test/check-ins",
      stampedAt: new Date("2026-02-01T00:00:00Z"),
      rule,
      changes: [{ occurrenceAt: gapDay!, kind: "SKIPPED", movedTo: null }],
      oneOff: null,
    });
    expect(ics).toContain("EXDATE;TZID=America/New_York:20260308T023000\r\n");
    expect(expandCalendar(ics, new Date("2026-03-16T00:00:00Z")).map((entry) => entry.at)).toEqual([
      new Date("2026-03-01T07:30:00Z"),
      new Date("2026-03-15T06:30:00Z"),
    ]);
  });

  it("a couple with only a one-off conversation gets that one event", () => {
    const ics = recurringCalendar({
      uid: "u@test",
      url: "http://app.test/check-ins",
      stampedAt: new Date("2026-02-01T00:00:00Z"),
      rule: null,
      changes: [],
      oneOff: { uid: "one-off@test", at: new Date("2026-07-04T17:00:00Z"), timeZone: "Europe/Berlin" },
    });
    expect(parseSingleEvent(ics)).toMatchObject({ uid: "one-off@test", timeZone: "Europe/Berlin", localStart: "2026-07-04T19:00:00", recurrence: null });
  });

  it("keeps every line within 75 octets and ends with CRLF, as RFC 5545 asks", () => {
    const ics = occurrenceCalendar({
      uid: `${"long-uid-".repeat(12)}@test`,
      url: "http://app.test/check-ins",
      stampedAt: new Date("2026-11-01T00:00:00Z"),
      occurrenceAt: new Date("2026-11-30T18:00:00Z"),
      timeZone: "Europe/Berlin",
    });
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(parseSingleEvent(ics).uid).toBe(`${"long-uid-".repeat(12)}@test`);
  });
});

describe("unsubscribe tokens", () => {
  it("verify for the user they were made for, and for nobody else", () => {
    const token = unsubscribeToken(USER, SECRET);
    expect(verifyUnsubscribeToken(token, SECRET)).toBe(USER);
    expect(verifyUnsubscribeToken(token, `${SECRET}-rotated`)).toBeNull();
    const otherUser = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    expect(verifyUnsubscribeToken(`${otherUser}.${token.split(".")[1]}`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}x`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}.extra`, SECRET)).toBeNull();
    expect(verifyUnsubscribeToken("not-a-uuid.sig", SECRET)).toBeNull();
  });
});
