/**
 * The guided conversation's order and turns, as plain functions (decision 039). A conversation
 * walks the couple's opening steps, then the agenda one item at a time. Whoever brought an item
 * speaks first; the other listens by the author's rule, and says back what they heard before
 * answering.
 */

export type ResponseWishKey = "JUST_LISTEN" | "YOUR_VIEW" | "THINK_IT_THROUGH";

/** One agenda item as the conversation needs it: who brought it, and how they asked to be heard. */
export type AgendaEntry = { id: string; broughtById: string; discussed: boolean; responseWish: ResponseWishKey | null };

export type Stop = { kind: "opening"; index: number } | { kind: "item"; itemId: string };

/** The stored form of a stop: "opening:<n>" or "item:<plan item id>". */
export function positionOf(stop: Stop): string {
  return stop.kind === "opening" ? `opening:${stop.index}` : `item:${stop.itemId}`;
}

export function parsePosition(position: string): Stop | null {
  const opening = /^opening:(\d{1,3})$/.exec(position);
  if (opening) return { kind: "opening", index: Number(opening[1]) };
  const item = /^item:(.{1,64})$/.exec(position);
  return item ? { kind: "item", itemId: item[1] as string } : null;
}

/** Every stop in order: the opening steps, then the agenda items still on the plan. */
export function stopsOf(openingSteps: number, agenda: readonly AgendaEntry[]): Stop[] {
  return [
    ...Array.from({ length: openingSteps }, (_, index): Stop => ({ kind: "opening", index })),
    ...agenda.map((item): Stop => ({ kind: "item", itemId: item.id })),
  ];
}

/**
 * Where the couple is now. A stored position that no longer exists (an item withdrawn or taken
 * off the plan, a step removed) falls to the first stop not yet discussed, so a withdrawn item
 * vanishes from the conversation without a trace.
 */
export function currentStopIndex(position: string, openingSteps: number, agenda: readonly AgendaEntry[]): number {
  const stops = stopsOf(openingSteps, agenda);
  if (stops.length === 0) return -1;
  const stored = stops.findIndex((stop) => positionOf(stop) === position);
  if (stored !== -1) return stored;
  const firstOpen = stops.findIndex((stop) => stop.kind === "item" && !agenda.find((item) => item.id === stop.itemId)?.discussed);
  return firstOpen === -1 ? 0 : firstOpen;
}

/** The stop one step on or back, or null at either end. */
export function neighbour(stops: readonly Stop[], index: number, direction: "next" | "previous"): Stop | null {
  const to = direction === "next" ? index + 1 : index - 1;
  return to >= 0 && to < stops.length ? (stops[to] as Stop) : null;
}

/** Who speaks first at a stop: an item's author (who shared it, or added the topic); the one who started, for an opening step. */
export function firstSpeaker(stop: Stop, agenda: readonly AgendaEntry[], startedById: string): string {
  if (stop.kind === "opening") return startedById;
  return agenda.find((item) => item.id === stop.itemId)?.broughtById ?? startedById;
}

/** The turn passes to the other partner. */
export function otherPartner(speakerId: string, pair: readonly [string, string]): string {
  return speakerId === pair[0] ? pair[1] : pair[0];
}

export type ListenerRule = { label: string; line: string };

/** The author's response wish, said as the listener's rule. A topic or a wish left open asks for the default: listen first. */
export const LISTENER_RULES: Record<ResponseWishKey | "DEFAULT", ListenerRule> = {
  JUST_LISTEN: { label: "Just listen", line: "No advice and no fixing: take it in, and let them know you heard." },
  YOUR_VIEW: { label: "Your view", line: "Once you have said back what you heard, give your honest take, kindly." },
  THINK_IT_THROUGH: { label: "Think it through", line: "Once you have said back what you heard, help them weigh it up, together." },
  DEFAULT: { label: "Listen first", line: "Hear them out, say back what you heard, then answer." },
};

export function listenerRule(wish: ResponseWishKey | null): ListenerRule {
  return LISTENER_RULES[wish ?? "DEFAULT"];
}

/** The prompt for the listener, before any answer. */
export const SAY_BACK_PROMPT = "Before you answer, say back what you heard, in your own words, and ask if you got it right.";

/**
 * Only an item's author may mark a shared item discussed (SPEC C11); either partner may mark a
 * topic. Opening steps are not marked.
 */
export function mayMarkDiscussed(entry: { kind: "shared" | "topic"; broughtById: string }, userId: string): boolean {
  return entry.kind === "topic" || entry.broughtById === userId;
}
