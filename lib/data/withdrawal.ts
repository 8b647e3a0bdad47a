import type { WithdrawalCause } from "@/lib/generated/prisma/enums";

/**
 * What withdrawing a consent writes: when and why (the author's audit trail keeps that), and
 * the shared words dropped for good. The author's history keeps its own copy of the title,
 * under the author's key (decision 022). A request to talk about it goes with it (C11), and so
 * does whether the summary was edited since (decision 041).
 */
export function withdrawal(cause: WithdrawalCause, now: Date) {
  return { withdrawnAt: now, withdrawalCause: cause, activeSummaryId: null, sharedTitle: null, sharedBody: null, sharedWhyText: null, editedSinceShared: null, talkRequest: null, talkRequestedAt: null, talkAnsweredAt: null };
}
