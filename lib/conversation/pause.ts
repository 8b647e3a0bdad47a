/**
 * The pause either partner can call. Flooding (a racing heart, the wish to fight or flee) takes
 * about twenty minutes to settle, so a pause lasts at least that long; the couple agrees when
 * to come back, and both see the same time (decision 039).
 */

export const PAUSE_MINUTES = [20, 30, 45, 60] as const;
export type PauseMinutes = (typeof PAUSE_MINUTES)[number];
export const DEFAULT_PAUSE_MINUTES: PauseMinutes = 20;

export function pauseEnds(now: Date, minutes: PauseMinutes): Date {
  return new Date(now.getTime() + minutes * 60_000);
}

export type PauseState = { kind: "none" } | { kind: "paused"; until: Date; secondsLeft: number } | { kind: "time to come back"; until: Date };

/** Whether a pause is on, and how long is left, at `now`. */
export function pauseState(pauseUntil: Date | null, now: Date): PauseState {
  if (!pauseUntil) return { kind: "none" };
  const secondsLeft = Math.ceil((pauseUntil.getTime() - now.getTime()) / 1000);
  return secondsLeft > 0 ? { kind: "paused", until: pauseUntil, secondsLeft } : { kind: "time to come back", until: pauseUntil };
}

/** "18:05" for a countdown: minutes and seconds, never negative. */
export function countdownText(secondsLeft: number): string {
  const seconds = Math.max(0, secondsLeft);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** Ways back in after a hard moment, in our own words. */
export const REPAIR_PHRASES: readonly string[] = [
  "I'm getting overwhelmed. Can we take a break and come back to this?",
  "Let me try that again, more gently.",
  "I think I got that wrong. Can you say it once more?",
  "I can see why you'd feel that way.",
  "We're on the same side here.",
  "What you're feeling matters to me, even when I see it differently.",
  "I need to hear that you still care about me right now.",
];
