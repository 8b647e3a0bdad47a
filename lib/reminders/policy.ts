/** How reminder delivery paces itself. Changing these changes behaviour users notice: see docs/decisions/011. */

/** A claimed reminder belongs to its worker this long; after that a crashed worker's claim is taken over. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * The longest one send can take (the SMTP mailer's time-outs add up to less). A row is sent
 * only while at least this much of its lease is left, so a lease never runs out mid-send.
 */
export const LONGEST_SEND_MS = 2 * 60_000;

/** Sending is tried this many times before the reminder is marked failed and shown as such. */
export const MAX_SEND_ATTEMPTS = 6;

/** Rows are written this far ahead of when they are due, so every sweep has them ready. */
export const PLAN_AHEAD_MS = 60 * 60_000;

export const DEFAULT_BATCH_SIZE = 50;

/** Waits 1, 2, 4, 8, 16 minutes between attempts (capped at 30). */
export function retryDelayMs(attemptsMade: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attemptsMade - 1), 30 * 60_000);
}
