import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { QuickExit } from "./quick-exit";
import { SignOutButton } from "./auth/sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="border-b border-stone-200 bg-white/80 dark:border-stone-800 dark:bg-stone-900/80">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href={user ? "/notes" : "/"} className="mr-auto text-lg font-semibold text-stone-900 no-underline dark:text-stone-50">
          Common Ground
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-4 text-sm">
          {user ? (
            <>
              <Link href="/notes">My private space</Link>
              <Link href="/summaries">Summaries</Link>
              <Link href="/shared">Shared</Link>
              <Link href="/plan">Our plan</Link>
              <Link href="/check-ins">Check-ins</Link>
              <Link href="/couple">Partner</Link>
              <Link href="/account">Account</Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in">Sign in</Link>
              <Link href="/sign-up">Create an account</Link>
            </>
          )}
          <QuickExit />
        </nav>
      </div>
    </header>
  );
}
