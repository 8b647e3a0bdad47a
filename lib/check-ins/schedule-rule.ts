import type { Cadence, CheckInRule } from "./occurrences";

type StoredSchedule = { cadence: Cadence; weekday: number; localTime: string; timeZone: string; startsOn: Date };

/** A stored schedule as the occurrence maths reads it (startsOn is a calendar date kept at UTC midnight). */
export function ruleOf(schedule: StoredSchedule): CheckInRule {
  return {
    cadence: schedule.cadence,
    weekday: schedule.weekday,
    localTime: schedule.localTime,
    timeZone: schedule.timeZone,
    startsOn: schedule.startsOn.toISOString().slice(0, 10),
  };
}
