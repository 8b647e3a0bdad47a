import type { ResponseWish, ShareIntent, ShareReason, SummaryDepth, SummaryFraming } from "@/lib/generated/prisma/enums";

export type SummaryContent = {
  title: string;
  body: string;
  framing: SummaryFraming;
  whyReasons: ShareReason[];
  whyText: string | null;
  responseWish: ResponseWish | null;
};

export type Snapshot = {
  sharedTitle: string;
  sharedBody: string | null;
  sharedDepth: SummaryDepth;
  sharedFraming: SummaryFraming;
  sharedWhyReasons: ShareReason[];
  sharedWhyText: string | null;
  sharedResponseWish: ResponseWish | null;
  /** What the author asks of the partner (C11): chosen on the share step, not in the summary. */
  sharedIntent: ShareIntent;
};

/**
 * Exactly what the partner will read if the author shares now (C4): the text as it stands,
 * cut to the chosen depth. A headline shares no body. Nothing about the private note
 * (its title, date or existence) is ever part of it (C5).
 */
export function snapshotOf(summary: SummaryContent, depth: SummaryDepth, intent: ShareIntent = "JUST_SO_YOU_KNOW"): Snapshot {
  return {
    sharedTitle: summary.title,
    sharedBody: depth === "HEADLINE" ? null : summary.body,
    sharedDepth: depth,
    sharedFraming: summary.framing,
    sharedWhyReasons: [...summary.whyReasons],
    sharedWhyText: summary.whyText,
    sharedResponseWish: summary.responseWish,
    sharedIntent: intent,
  };
}
