import { createHash } from "node:crypto";
import { SummaryDepth } from "@/lib/generated/prisma/enums";
import { snapshotOf, type Snapshot, type SummaryContent } from "./shared-words";

// What a snapshot is lives apart from its digest, so the composer's live preview in the browser draws it the same way.
export { snapshotOf, type Snapshot, type SummaryContent };

export function sameAsSnapshot(a: Snapshot, b: Snapshot): boolean {
  return (
    a.sharedTitle === b.sharedTitle &&
    a.sharedBody === b.sharedBody &&
    a.sharedDepth === b.sharedDepth &&
    a.sharedFraming === b.sharedFraming &&
    a.sharedWhyText === b.sharedWhyText &&
    a.sharedResponseWish === b.sharedResponseWish &&
    a.sharedIntent === b.sharedIntent &&
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

/**
 * A fingerprint of exactly these words at this depth (C10). The share form carries the
 * fingerprint of the snapshot it previewed; the server shares only if the snapshot it would
 * record now has the same one. Every field drawn from the summary is in it, in a fixed order,
 * so any change shows. The intent is not: it is not read from the summary but posted by the
 * same radio that draws it in the preview, so it cannot drift from what was seen (decision 035).
 */
export function snapshotDigest(snapshot: Snapshot): string {
  const fields = [
    snapshot.sharedTitle,
    snapshot.sharedBody,
    snapshot.sharedDepth,
    snapshot.sharedFraming,
    snapshot.sharedWhyReasons,
    snapshot.sharedWhyText,
    snapshot.sharedResponseWish,
  ];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

export type SharePreview = { depth: SummaryDepth; snapshot: Snapshot; digest: string };

/** What sharing would record at each depth, with its fingerprint: the share step shows the one chosen. */
export function sharePreviews(summary: SummaryContent): SharePreview[] {
  return Object.values(SummaryDepth).map((depth) => {
    const snapshot = snapshotOf(summary, depth);
    return { depth, snapshot, digest: snapshotDigest(snapshot) };
  });
}

const PREVIEWED_DEPTH = /^(?<depth>[A-Z_]+)\.(?<digest>[0-9a-f]{64})$/;

/** The value a depth choice posts: the depth and the fingerprint of the snapshot previewed for it. */
export function previewedDepthValue(preview: Pick<SharePreview, "depth" | "digest">): string {
  return `${preview.depth}.${preview.digest}`;
}

/** Reads a posted depth choice back; null when it is not one this form could have sent. */
export function parsePreviewedDepth(value: string): { depth: SummaryDepth; previewDigest: string } | null {
  const match = PREVIEWED_DEPTH.exec(value)?.groups;
  const depth = Object.values(SummaryDepth).find((known) => known === match?.depth);
  return depth && match?.digest ? { depth, previewDigest: match.digest } : null;
}
