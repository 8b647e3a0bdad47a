/**
 * What a person can do to one agenda item, as data the plan page hands the agenda per item
 * (components/plan/agenda.tsx draws exactly these, in this order). Who may do what to which item
 * is decided here, by the page, never by the list: a list of names is all it takes to vary it.
 */
export const AGENDA_ACTIONS = ["discussed", "not-discussed", "up", "down", "remove"] as const;
export type AgendaAction = (typeof AGENDA_ACTIONS)[number];

/**
 * Every action an item takes where it stands: tick it off (or back), move it up unless it is
 * first, down unless it is last, take it off the plan.
 */
export function everyAgendaAction({ discussed }: { discussed: boolean }, index: number, count: number): AgendaAction[] {
  return [
    discussed ? "not-discussed" : "discussed",
    ...(index > 0 ? (["up"] as const) : []),
    ...(index < count - 1 ? (["down"] as const) : []),
    "remove",
  ];
}
