import { describe, expect, it } from "vitest";
import { occurrenceCalendar, offsetTransitions, recurringCalendar } from "@/lib/email/ics";
import { unsubscribeToken, verifyUnsubscribeToken } from "@/lib/reminders/unsubscribe-link";

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

  it("writes one occurrence as local time with its zone's rules, each observance starting at the old wall time", () => {
    const ics = occurrenceCalendar({
      uid: "u@test",
      url: "http://app.test/check-ins",
      stampedAt: new Date("2026-11-01T00:00:00Z"),
      occurrenceAt: new Date("2026-11-30T18:00:00Z"),
      timeZone: "Europe/Berlin",
    });
    expect(ics).toContain("DTSTART;TZID=Europe/Berlin:20261130T190000\r\n");
    expect(ics).toContain("BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:GMT+2\r\nDTSTART:20260329T020000\r\n");
    expect(ics).toContain("BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100");
    expect(ics).toContain("DTSTART:20261025T030000");
    expect(ics.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("a zone without daylight saving gets a single standard observance", () => {
    const ics = occurrenceCalendar({
      uid: "u@test",
      url: "http://app.test/check-ins",
      stampedAt: new Date("2026-11-01T00:00:00Z"),
      occurrenceAt: new Date("2026-11-30T10:00:00Z"),
      timeZone: "Asia/Tokyo",
    });
    expect(ics).toContain("BEGIN:STANDARD\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900");
    expect(ics).toContain("DTSTART;TZID=Asia/Tokyo:20261130T190000");
  });

  it("a recurring check-in starts on its first weekday and keeps the chosen wall time, even inside a gap", () => {
    const ics = recurringCalendar({
      uid: "u@test",
      url: "http://app.test/check-ins",
      stampedAt: new Date("2026-01-01T00:00:00Z"),
      rule: { cadence: "WEEKLY", weekday: 7, localTime: "02:30", timeZone: "America/New_York", startsOn: "2026-03-02" },
    });
    expect(ics).toContain("DTSTART;TZID=America/New_York:20260308T023000");
    expect(ics).toContain("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=SU");
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
