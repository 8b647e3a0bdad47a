// One formatter for every call: making one (as toLocaleDateString does each time) costs about
// 70 times as much as using one, and a page of 200 notes formats 200 dates.
const calendarDate = new Intl.DateTimeFormat("en", { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" });

/** A calendar date stored as UTC midnight, shown as the same calendar date everywhere. */
export function formatCalendarDate(date: Date): string {
  return calendarDate.format(date);
}

/** The value an <input type="date"> expects. */
export function toDateInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
