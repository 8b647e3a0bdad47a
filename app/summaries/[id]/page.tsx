import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SharedItemCard, viewOfSnapshot } from "@/components/sharing/shared-item-card";
import { PrivateLabel } from "@/components/summaries/private-label";
import { sharingLabel } from "@/components/summaries/sharing-label";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { snapshotOf } from "@/lib/consent/snapshot";
import { KEPT_PRIVATE_NOTICE, NO_OBLIGATION, WITHDRAWAL_NOTICE } from "@/lib/content/guidance";
import { PARTNER_REPLIES } from "@/lib/content/receiving";
import { getMyCouple } from "@/lib/data/couples";
import { getSummary } from "@/lib/data/summaries";
import { deleteSummaryAction, unshareSummaryAction } from "../actions";

export const metadata: Metadata = { title: "Summary" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string; shared?: string; agenda?: string; unshared?: string; kept?: string }>;
};

const SHARED_NOTICES: Record<string, string> = {
  shared: "Shared. Your partner can now read it, as you see it below. You can unshare it at any time.",
  reshared: "Shared again with your latest words. Your partner now sees this version instead of the earlier one.",
  unchanged: "This was already shared with exactly these words, so nothing changed.",
};

/** After sharing with "let's talk about it" (C11). */
const AGENDA_NOTICES: Record<string, string> = {
  "on-agenda": "It is on your conversation plan, so you can talk about it together.",
  "plan-full":
    "It could not go on your conversation plan: the plan is full. It is shared all the same. Make room on the plan, then add it there from Shared.",
};

export default async function SummaryPage({ params, searchParams }: Props) {
  const access = await requireAccess();
  const [{ id }, notices] = await Promise.all([params, searchParams]);
  const [me, summary, couple] = await Promise.all([requireUser(), getSummary(access, id), getMyCouple(access)]);
  if (!summary) notFound();
  const partnerName = couple?.partner?.displayName ?? "your partner";
  const sharing = summary.sharing;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/summaries">← Summaries</Link>
      </p>
      {notices.saved ? <Notice>Saved. {sharing ? "Your partner still sees the version you shared." : "It is still private."}</Notice> : null}
      {notices.shared && SHARED_NOTICES[notices.shared] ? (
        <Notice>
          {SHARED_NOTICES[notices.shared]}
          {notices.agenda && AGENDA_NOTICES[notices.agenda] ? ` ${AGENDA_NOTICES[notices.agenda]}` : ""}
        </Notice>
      ) : null}
      {notices.unshared ? <Notice>{WITHDRAWAL_NOTICE.done}</Notice> : null}
      {notices.kept ? <Notice>{KEPT_PRIVATE_NOTICE}</Notice> : null}
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{summary.title}</h1>
        {summary.privateLabel ? (
          <p className="text-sm text-stone-700 dark:text-stone-300">
            <PrivateLabel label={summary.privateLabel} /> Only you see this label.
          </p>
        ) : null}
        <p className="text-sm text-stone-600 dark:text-stone-400">
          {sharingLabel(sharing)}
          {sharing?.reply ? ` · ${partnerName} replied: “${PARTNER_REPLIES[sharing.reply]}”` : ""}
          {summary.note ? (
            <>
              {" · From your note "}
              <Link href={`/notes/${summary.note.id}`}>{summary.note.title}</Link>
            </>
          ) : null}
        </p>
      </header>

      {sharing ? (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">What {partnerName} sees now</h2>
          <SharedItemCard authorName={me.displayName} item={viewOfSnapshot(sharing.snapshot)} />
        </section>
      ) : null}

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">
          {sharing ? (sharing.editedSinceShared ? "Your edited version (private)" : "Your draft") : `What ${partnerName} would see if you share it`}
        </h2>
        <SharedItemCard authorName={me.displayName} item={{ ...viewOfSnapshot(snapshotOf(summary, summary.depth)), intent: null }} />
      </section>

      <div className="flex flex-wrap items-start gap-3">
        <Link href={`/summaries/${summary.id}/edit`} className={`${buttonClass("secondary")} no-underline hover:no-underline`}>
          Edit
        </Link>
        {couple && (!sharing || sharing.editedSinceShared) ? (
          <Link href={`/summaries/${summary.id}/share`} className={`${buttonClass("primary")} no-underline hover:no-underline`}>
            {sharing ? "Share this new version…" : "Share…"}
          </Link>
        ) : null}
      </div>
      {!couple ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">
          To share, first <Link href="/couple">link with your partner</Link>. Linking shares nothing by itself.
        </p>
      ) : null}
      <p className="text-sm text-stone-600 dark:text-stone-400">{NO_OBLIGATION}</p>

      {sharing ? (
        <section className="space-y-2 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
          <h2 className="font-semibold">Unshare</h2>
          <p className="text-sm">{WITHDRAWAL_NOTICE.confirm}</p>
          <ActionForm action={unshareSummaryAction} hidden={{ summaryId: summary.id }} submitLabel="Unshare" pendingLabel="Unsharing…" tone="secondary" />
        </section>
      ) : null}

      <details className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
        <summary className="cursor-pointer font-semibold">Delete this summary</summary>
        <div className="mt-3 space-y-2">
          <p className="text-sm">
            Deleting removes the draft for good{sharing ? ` and unshares it: ${partnerName} stops seeing it at once` : ""}. Your
            sharing history keeps the record of what you shared and when.
          </p>
          <ActionForm action={deleteSummaryAction} hidden={{ id: summary.id }} submitLabel="Yes, delete it" pendingLabel="Deleting…" tone="danger" />
        </div>
      </details>
    </div>
  );
}
