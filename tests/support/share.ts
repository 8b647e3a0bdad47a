import { previewedDepthValue, snapshotDigest, snapshotOf } from "@/lib/consent/snapshot";
import { shareSummary, type ShareOutcome } from "@/lib/data/consent";
import type { Access } from "@/lib/data/access";
import { getSummary } from "@/lib/data/summaries";
import type { ShareReflection } from "@/lib/validation/summary";

/** A share as the share step sends it, before the fingerprint of what it previewed is added. */
export type UnboundReflection = Omit<ShareReflection, "previewDigest">;

/** A fingerprint no snapshot has: what a caller who cannot read the summary would send. */
export const UNKNOWN_DIGEST = "0".repeat(64);

/** The fingerprint the share step would show for this summary at this depth, read as its author reads it. */
export async function previewDigestFor(access: Access, summaryId: string, depth: ShareReflection["depth"]): Promise<string> {
  const summary = await getSummary(access, summaryId);
  return summary ? snapshotDigest(snapshotOf(summary, depth)) : UNKNOWN_DIGEST;
}

/** Shares as a person does who just looked at the preview: with the fingerprint of what the page showed them. */
export async function shareAsPreviewed(access: Access, reflection: UnboundReflection, now?: Date): Promise<ShareOutcome> {
  const previewDigest = await previewDigestFor(access, reflection.summaryId, reflection.depth);
  return shareSummary(access, { ...reflection, previewDigest }, now);
}

/** The depth field as the share step posts it for this summary: the depth and the fingerprint of its preview. */
export async function postedDepthFor(access: Access, summaryId: string, depth: ShareReflection["depth"]): Promise<string> {
  return previewedDepthValue({ depth, digest: await previewDigestFor(access, summaryId, depth) });
}

/** A depth field of the right shape whose fingerprint matches no preview (a forged or stale form). */
export const UNPREVIEWED_BRIEF = previewedDepthValue({ depth: "BRIEF", digest: UNKNOWN_DIGEST });
