import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { NavLink } from "./nav-link";
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
              <NavLink href="/notes">My private space</NavLink>
              <NavLink href="/summaries">Summaries</NavLink>
              <NavLink href="/shared">Shared</NavLink>
              <NavLink href="/plan">Our plan</NavLink>
              <NavLink href="/check-ins">Check-ins</NavLink>
              <NavLink href="/couple">Partner</NavLink>
              <NavLink href="/account">Account</NavLink>
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
