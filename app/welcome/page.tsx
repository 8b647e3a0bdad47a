import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { TherapyRoleForm } from "@/components/account/therapy-role-form";
import { Notice } from "@/components/ui/notice";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { getMyCouple } from "@/lib/data/couples";
import { getMyTherapyRole } from "@/lib/data/therapy-role";
import { NO_OBLIGATION, REASONS_NOT_TO_SHARE, SHARE_REASONS } from "@/lib/content/guidance";

export const metadata: Metadata = { title: "Welcome" };

const PARTNER_CAN_SEE = [
  "Your name, once you link your accounts.",
  "Each summary you share yourself, exactly as it read when you shared it, until you unshare it.",
  "Topics either of you puts on your joint conversation plan, and the check-in time you set together.",
];

const PARTNER_NEVER_SEES = [
  "Your private notes, their titles or dates, or how many you have.",
  "Summaries you have not shared, or edits you made after sharing.",
  "When you last wrote, when you had a session, or how often you share.",
  "Your sharing history, or the answers you gave before sharing.",
  "Your answer to who is in therapy.",
];

type Props = { searchParams: Promise<{ linked?: string }> };

/** First stop after signing up or linking by invite: what the partner can and cannot ever see, in plain words. */
export default async function WelcomePage({ searchParams }: Props) {
  const [user, access, { linked }] = await Promise.all([requireUser(), requireAccess(), searchParams]);
  const [couple, role] = await Promise.all([getMyCouple(access), getMyTherapyRole(access)]);
  return (
    <div className="space-y-8 leading-relaxed">
      {linked && couple ? (
        <Notice>
          You are linked with <strong>{couple.partner?.displayName ?? "your partner"}</strong>. Nothing has been shared; each of you
          decides, item by item.
        </Notice>
      ) : null}
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Welcome, {user.displayName}</h1>
        <p className="text-lg text-stone-700 dark:text-stone-300">
          Your therapy is yours. This app helps you keep it private, and bring some of it to your partner only if and when
          you want to.
        </p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <section className="space-y-2 rounded-xl border border-teal-200 bg-white p-4 dark:border-teal-900 dark:bg-stone-900">
          <h2 className="font-semibold">Your partner can see</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {PARTNER_CAN_SEE.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
        <section className="space-y-2 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
          <h2 className="font-semibold">Your partner can never see</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {PARTNER_NEVER_SEES.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      </div>
      <section className="space-y-2 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
        <h2 className="text-lg font-semibold">Who is in therapy?</h2>
        <p className="text-sm">Your answer shapes your home page: a private space for notes, or how to receive what is shared.</p>
        <TherapyRoleForm role={role} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Sharing is always your choice</h2>
        <p>
          Nothing is ever shared for you: no automatic sharing, no &ldquo;share everything&rdquo;. You choose one item at a
          time, how much of it, and how to put it, and you can withdraw it whenever you like. {NO_OBLIGATION}
        </p>
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <section className="space-y-2">
          <h2 className="font-semibold">Why people sometimes share</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {Object.values(SHARE_REASONS).map((reason) => (
              <li key={reason.label}>
                <span className="font-medium">{reason.label}.</span> {reason.hint}
              </li>
            ))}
          </ul>
        </section>
        <section className="space-y-2">
          <h2 className="font-semibold">And why keeping it private is fine too</h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {REASONS_NOT_TO_SHARE.map((reason) => (
              <li key={reason.label}>
                <span className="font-medium">{reason.label}.</span> {reason.hint}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <p className="text-sm text-stone-600 dark:text-stone-400">
        If you ever need to leave this site quickly, use <strong>Quick exit</strong> at the top, or press Esc twice.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/notes/new" className={`${buttonClass("primary")} no-underline hover:no-underline`}>
          Write my first private note
        </Link>
        {couple ? (
          <Link href="/" className={`${buttonClass("secondary")} no-underline hover:no-underline`}>
            Go to my home page
          </Link>
        ) : (
          <Link href="/couple" className={`${buttonClass("secondary")} no-underline hover:no-underline`}>
            Invite my partner
          </Link>
        )}
      </div>
    </div>
  );
}
