/**
 * What a person can do to one agenda item, as data the plan page hands the agenda per item
 * (components/plan/agenda.tsx draws exactly these, in this order). Who may do what to which item
 * is decided here, by the page, never by the list: a list of names is all it takes to vary it.
 */
export const AGENDA_ACTIONS = ["discussed", "not-discussed", "up", "down", "remove"] as const;
export type AgendaAction = (typeof AGENDA_ACTIONS)[number];

/**
 * Every action an item takes where it stands: tick it off (or back), move it up unless it is
 * first, down unless it is last, take it off the plan. The partner's disclosure is only moved:
 * its author alone ticks it off or takes it off the plan (C11, enforced in lib/data/plan.ts).
 */
export function everyAgendaAction(
  { discussed, decidedBy }: { discussed: boolean; decidedBy: string | null },
  index: number,
  count: number,
): AgendaAction[] {
  const authorsOwn = decidedBy === null;
  return [
    ...(authorsOwn ? [discussed ? ("not-discussed" as const) : ("discussed" as const)] : []),
    ...(index > 0 ? (["up"] as const) : []),
    ...(index < count - 1 ? (["down"] as const) : []),
    ...(authorsOwn ? (["remove"] as const) : []),
  ];
}
