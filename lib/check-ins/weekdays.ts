/** ISO weekday order: index 0 is weekday 1 (Monday), as the schedule stores it. */
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
