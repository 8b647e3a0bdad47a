/**
 * The lengths the server's schemas enforce, in a module without zod so that client forms can
 * show the same limits without shipping the validation library to the browser.
 */
export const NOTE_LIMITS = { title: 200, body: 20_000, workingOn: 500 } as const;

export const SUMMARY_LIMITS = { privateLabel: 120, title: 200, body: 10_000, whyText: 1_000, reflectionNote: 500 } as const;

export const PLAN_LIMITS = { topicTitle: 200, topicDetail: 1_000 } as const;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
