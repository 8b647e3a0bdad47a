/**
 * How many of each thing one couple or one person may hold: far more than anyone uses, so that
 * only a script reaches them, and each refusal says why (decision 020). Lengths of single
 * fields are in lib/validation/limits.ts.
 */
export const CAPS = {
  /** Items on one couple's plan (500 made the plan page 3.4 MB). */
  planItems: 200,
  /** Private notes one person keeps. */
  notes: 5_000,
  /** Summaries (share drafts) one person keeps. */
  summaries: 2_000,
} as const;
