import type { Metadata } from "next";
import Link from "next/link";
import { requireAccess } from "@/lib/auth/session";
import { DEPTHS } from "@/lib/content/guidance";
import { listMyConsentHistory } from "@/lib/data/consent";
import type { WithdrawalCause } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "My sharing history" };

const CAUSES: Record<WithdrawalCause, string> = {
  AUTHOR_UNSHARED: "you unshared it",
  RESHARED: "replaced when you shared a newer version",
  SUMMARY_DELETED: "you deleted the summary",
  COUPLE_ENDED: "the couple ended",
};

function when(date: Date): string {
  return date.toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

/** The author's audit trail (C9): every grant and withdrawal, visible to the author alone. */
export default async function SharingHistoryPage() {
  const access = await requireAccess();
  const history = await listMyConsentHistory(access);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/summaries">← Summaries</Link>
      </p>
      <h1 className="text-2xl font-semibold">My sharing history</h1>
      <p className="text-stone-700 dark:text-stone-300">
        Every time you shared or unshared something, and how you answered before sharing. Only you can see this page.
      </p>
      {history.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 p-6 text-center dark:border-stone-700">You have not shared anything.</p>
      ) : (
        <ol className="space-y-3">
          {history.map((consent) => (
            <li key={consent.id} className="space-y-1 rounded-xl border border-stone-200 bg-white p-4 text-sm dark:border-stone-800 dark:bg-stone-900">
              <p className="text-base font-medium">
                {consent.summaryId ? <Link href={`/summaries/${consent.summaryId}`}>{consent.sharedTitle}</Link> : consent.sharedTitle}
              </p>
              <p>
                Shared {when(consent.grantedAt)} ({DEPTHS[consent.sharedDepth].label.toLowerCase()})
                {consent.withdrawnAt
                  ? ` · withdrawn ${when(consent.withdrawnAt)}${consent.withdrawalCause ? `: ${CAUSES[consent.withdrawalCause]}` : ""}`
                  : " · still shared"}
              </p>
              {consent.withdrawnAt ? (
                <p className="text-stone-600 dark:text-stone-400">
                  The words you shared were deleted when it was withdrawn; only this title stays, in your own history.
                </p>
              ) : null}
              <p className="text-stone-600 dark:text-stone-400">
                Before sharing you confirmed it was your own choice and about your own feelings.
                {consent.toneSuggestionShown ? " A suggestion to rephrase was shown." : ""}
                {consent.reflectionNote ? ` Your note: “${consent.reflectionNote}”` : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
