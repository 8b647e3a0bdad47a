import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { LinkedItemList } from "@/components/ui/linked-item-list";
import { Notice } from "@/components/ui/notice";
import { requireAccess } from "@/lib/auth/session";
import { NO_OBLIGATION } from "@/lib/content/guidance";
import { listSummaries } from "@/lib/data/summaries";
import { sharingLabel } from "@/components/summaries/sharing-label";

export const metadata: Metadata = { title: "Summaries" };

type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function SummariesPage({ searchParams }: Props) {
  const access = await requireAccess();
  const [summaries, { deleted }] = await Promise.all([listSummaries(access), searchParams]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Summaries</h1>
          <p className="text-stone-700 dark:text-stone-300">
            Drafts of what you might share. Each stays private until you share it yourself.
          </p>
        </div>
        <Link href="/summaries/new" className={`${buttonClass("primary")} no-underline hover:no-underline`}>
          New summary
        </Link>
      </div>
      {deleted ? <Notice>The summary is deleted. If it was shared, your partner no longer sees it.</Notice> : null}
      <p className="text-sm text-stone-600 dark:text-stone-400">{NO_OBLIGATION}</p>
      {summaries.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 p-8 text-center dark:border-stone-700">
          <h2 className="text-lg font-medium">No summaries yet</h2>
          <p className="mt-2 text-stone-700 dark:text-stone-300">
            Start one from a note in your private space, or write one from scratch. Writing one shares nothing.
          </p>
        </div>
      ) : (
        <LinkedItemList
          basePath="/summaries"
          items={summaries.map((summary) => ({ id: summary.id, title: summary.title, detail: sharingLabel(summary.sharing), privateLabel: summary.privateLabel }))}
        />
      )}
      <p className="text-sm">
        <Link href="/summaries/history">My sharing history</Link>
      </p>
    </div>
  );
}
