/** When a reminder can be sent, in minutes before the check-in. The form's checkboxes, in order. */
export const LEAD_TIME_OPTIONS = [
  { minutes: 1440, field: "leadDay", label: "1 day before" },
  { minutes: 60, field: "leadHour", label: "1 hour before" },
  { minutes: 15, field: "leadQuarter", label: "15 minutes before" },
] as const;

export const LONGEST_LEAD_MINUTES = Math.max(...LEAD_TIME_OPTIONS.map((option) => option.minutes));

export function leadTimeLabel(minutes: number): string {
  return LEAD_TIME_OPTIONS.find((option) => option.minutes === minutes)?.label ?? `${minutes} minutes before`;
}
