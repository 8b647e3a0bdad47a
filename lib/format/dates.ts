/** A calendar date stored as UTC midnight, shown as the same calendar date everywhere. */
export function formatCalendarDate(date: Date): string {
  return date.toLocaleDateString("en", { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" });
}

/** The value an <input type="date"> expects. */
export function toDateInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
