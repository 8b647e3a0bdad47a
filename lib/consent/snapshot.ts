import type { ResponseWish, ShareReason, SummaryDepth, SummaryFraming } from "@/lib/generated/prisma/enums";

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
};

/**
 * Exactly what the partner will read if the author shares now (C4): the text as it stands,
 * cut to the chosen depth. A headline shares no body. Nothing about the private note
 * (its title, date or existence) is ever part of it (C5).
 */
export function snapshotOf(summary: SummaryContent, depth: SummaryDepth): Snapshot {
  return {
    sharedTitle: summary.title,
    sharedBody: depth === "HEADLINE" ? null : summary.body,
    sharedDepth: depth,
    sharedFraming: summary.framing,
    sharedWhyReasons: [...summary.whyReasons],
    sharedWhyText: summary.whyText,
    sharedResponseWish: summary.responseWish,
  };
}

export function sameAsSnapshot(a: Snapshot, b: Snapshot): boolean {
  return (
    a.sharedTitle === b.sharedTitle &&
    a.sharedBody === b.sharedBody &&
    a.sharedDepth === b.sharedDepth &&
    a.sharedFraming === b.sharedFraming &&
    a.sharedWhyText === b.sharedWhyText &&
    a.sharedResponseWish === b.sharedResponseWish &&
    a.sharedWhyReasons.length === b.sharedWhyReasons.length &&
    a.sharedWhyReasons.every((reason, index) => reason === b.sharedWhyReasons[index])
  );
}

/** The text the tone check reads (C8): everything the partner would read. */
export function snapshotText(snapshot: Snapshot): string {
  return [snapshot.sharedTitle, snapshot.sharedBody, snapshot.sharedWhyText].filter(Boolean).join("\n");
}

/**
 * A consent's stored words. An active consent always holds them; a withdrawn one has them
 * dropped for good (decision 022), so only active consents may be read as a snapshot.
 */
export function heldSnapshot<T extends { sharedTitle: string | null }>(consent: T): T & { sharedTitle: string } {
  if (consent.sharedTitle === null) throw new Error("This consent was withdrawn: its shared words no longer exist.");
  return consent as T & { sharedTitle: string };
}
