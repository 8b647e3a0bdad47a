import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import { requireAccess } from "@/lib/auth/session";
import { NO_OBLIGATION } from "@/lib/content/guidance";
import { listSummaries } from "@/lib/data/summaries";
import { PrivateLabel } from "@/components/summaries/private-label";
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
        <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white dark:divide-stone-800 dark:border-stone-800 dark:bg-stone-900">
          {summaries.map((summary) => (
            <li key={summary.id} className="p-4">
              <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <Link href={`/summaries/${summary.id}`} className="text-lg font-medium">
                  {summary.title}
                </Link>
                <PrivateLabel label={summary.privateLabel} />
              </div>
              <p className="mt-1 text-sm text-stone-600 dark:text-stone-400">{sharingLabel(summary.sharing)}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm">
        <Link href="/summaries/history">My sharing history</Link>
      </p>
    </div>
  );
}
