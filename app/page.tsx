import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { Notice } from "@/components/ui/notice";
import { SignedInHome } from "@/components/home/signed-in-home";
import { getCurrentUser, requireAccess } from "@/lib/auth/session";
import { getMyHome } from "@/lib/data/home";

type Props = { searchParams: Promise<{ deleted?: string }> };

export default async function HomePage({ searchParams }: Props) {
  const user = await getCurrentUser();
  if (user) return <SignedInHome name={user.displayName} home={await getMyHome(await requireAccess())} />;
  const { deleted } = await searchParams;
  return (
    <div className="space-y-8">
      {deleted ? <Notice>Your account and everything in it are deleted.</Notice> : null}
      <section className="space-y-4">
        <h1 className="text-3xl font-semibold tracking-tight">Your therapy stays yours. What you share is your choice.</h1>
        <p className="text-lg text-stone-700 dark:text-stone-300">
          Common Ground gives each partner a private space for what happens in their own therapy, and a shared plan for
          the conversations you decide to have together.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/sign-up" className={`${buttonClass("primary")} no-underline hover:no-underline`}>
            Create an account
          </Link>
          <Link href="/sign-in" className={`${buttonClass("secondary")} no-underline hover:no-underline`}>
            Sign in
          </Link>
        </div>
      </section>
      <section className="grid gap-4 sm:grid-cols-3">
        {[
          ["Private by default", "Your notes are visible to you alone. Your partner cannot see them, count them, or tell when you wrote."],
          ["Shared one item at a time", "Nothing is ever shared for you. You choose what, how much, and how to say it, item by item."],
          ["Withdraw whenever you like", "Change your mind and unshare. Sharing once never means you have to keep sharing."],
        ].map(([title, text]) => (
          <div key={title} className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">{text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
