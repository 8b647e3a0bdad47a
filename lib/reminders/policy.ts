/** How reminder delivery paces itself. Changing these changes behaviour users notice: see docs/decisions/011 and 028. */

/**
 * A claimed reminder belongs to its sweep this long past the claim's last renewal. A live sweep
 * renews its claims every third of this (claimRenewalMs), so only a sweep that stopped (its
 * process was killed) loses them, and another sweep takes them over within this time.
 */
export const CLAIM_LEASE_MS = 30_000;

/** How often a sweep renews the claims it still holds. */
export function claimRenewalMs(leaseMs: number): number {
  return leaseMs / 3;
}

/**
 * A send starts only while at least this much of its claim is left, checked against the row
 * itself right before sending. With renewals working it always is; when they stop (the database
 * is out of reach), sends stop too, and each one started has this long to finish.
 */
export function leaseLeftToSendMs(leaseMs: number): number {
  return leaseMs / 2;
}

/**
 * Queued mail (invites, account links) is claimed like reminders but has no renewal: its lease
 * covers a whole run, and a send starts only while the longest one could still finish inside it
 * (the SMTP mailer's time-outs add up to less).
 */
export const QUEUED_MAIL_LEASE_MS = 5 * 60_000;
export const QUEUED_MAIL_LONGEST_SEND_MS = 2 * 60_000;

/** Sending is tried this many times before the reminder is marked failed and shown as such. */
export const MAX_SEND_ATTEMPTS = 6;

/** Rows are written this far ahead of when they are due, so every sweep has them ready. */
export const PLAN_AHEAD_MS = 60 * 60_000;

export const DEFAULT_BATCH_SIZE = 50;

/** Waits 1, 2, 4, 8, 16 minutes between attempts (capped at 30). */
export function retryDelayMs(attemptsMade: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attemptsMade - 1), 30 * 60_000);
}
