import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import { unsubscribeSecret, verifyUnsubscribeToken } from "@/lib/reminders/unsubscribe-link";

export const metadata: Metadata = { title: "Stop reminders", robots: { index: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string }> };

/** Opened from a reminder email, signed in or not. Asks first: a link scanner's GET must change nothing. */
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  if (!verifyUnsubscribeToken(token, unsubscribeSecret())) notFound();
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-semibold">Stop check-in reminders</h1>
      {done ? (
        <>
          <Notice>Done. You will get no more reminder emails.</Notice>
          <p className="text-stone-700 dark:text-stone-300">
            You can turn reminders on again at any time on the <Link href="/check-ins">Check-ins</Link> page.
          </p>
        </>
      ) : (
        <>
          <p className="text-stone-700 dark:text-stone-300">
            Stop the check-in reminder emails sent to this address? Your check-in schedule stays as it is, and nobody is told.
          </p>
          <form method="post" action={`/api/reminders/unsubscribe/${encodeURIComponent(token)}`}>
            <button type="submit" className={buttonClass("primary")}>
              Stop reminders
            </button>
          </form>
        </>
      )}
    </div>
  );
}
