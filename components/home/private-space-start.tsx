import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";

/** The first step for someone in therapy: their own private notes, which nobody else can see. */
export function PrivateSpaceStart() {
  return (
    <section aria-labelledby="private-heading" className="space-y-3 rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
      <h2 id="private-heading" className="text-lg font-semibold">
        Your private space
      </h2>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        Notes from your sessions are yours alone. Your partner cannot see them, count them, or tell when you wrote. If one day
        you want to share something, you choose what and how much.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/notes/new" className={`${buttonClass("primary")} no-underline hover:no-underline`}>
          Write a private note
        </Link>
        <Link href="/notes" className={`${buttonClass("secondary")} no-underline hover:no-underline`}>
          Open my private space
        </Link>
      </div>
    </section>
  );
}
