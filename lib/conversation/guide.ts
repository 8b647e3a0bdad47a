/**
 * The couple's own shape for a conversation (opening steps) and their ground rules. Both are
 * lists of short lines; a change is proposed by one partner and takes effect only when the
 * other accepts it (decision 039).
 */

/** The weekly check-in's opening, before the agenda: appreciations, then what went well. */
export const DEFAULT_STEPS: readonly string[] = [
  "Appreciations: each of you names one thing the other did this week that you valued.",
  "What went well: a moment from the week that felt good between you.",
];

export const DEFAULT_GROUND_RULES: readonly string[] = [
  "One of us speaks at a time; the other listens to understand, not to reply.",
  "We talk about our own feelings, not about what the other is.",
  "Either of us can call a pause, and we come back at the time we agreed.",
  "We understand an issue before we try to solve it.",
];

/** Lines as stored: one per line of text. */
export function joinLines(lines: readonly string[]): string {
  return lines.join("\n");
}

/** Stored text (or null for the app's default) back into lines. */
export function splitLines(stored: string | null, fallback: readonly string[]): string[] {
  if (stored === null) return [...fallback];
  return stored.split("\n").filter((line) => line.length > 0);
}

/** Typed text into lines: trimmed, blank lines dropped. */
export function linesFromText(input: string): string[] {
  return input
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export type Proposal = { steps: string[]; rules: string[]; proposedById: string; proposedAt: Date };

export type GuideChange =
  | { ok: true }
  | { ok: false; reason: "no proposal" | "own proposal" | "proposal changed" };

/** Only the other partner accepts a proposal, and only the one they saw. */
export function mayAccept(proposal: Pick<Proposal, "proposedById" | "proposedAt"> | null, userId: string, seenAt: Date): GuideChange {
  if (!proposal) return { ok: false, reason: "no proposal" };
  if (proposal.proposedById === userId) return { ok: false, reason: "own proposal" };
  if (proposal.proposedAt.getTime() !== seenAt.getTime()) return { ok: false, reason: "proposal changed" };
  return { ok: true };
}

export function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, index) => line === b[index]);
}
