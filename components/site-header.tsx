import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { NavLink } from "./nav-link";
import { QuickExit } from "./quick-exit";
import { SignOutButton } from "./auth/sign-out-button";

const SIGNED_IN_LINKS = [
  { href: "/notes", label: "My space" },
  { href: "/summaries", label: "Summaries" },
  { href: "/shared", label: "Shared" },
  { href: "/plan", label: "Plan" },
  { href: "/check-ins", label: "Check-ins" },
  { href: "/couple", label: "Partner" },
  { href: "/account", label: "Account" },
] as const;

const SIGNED_OUT_LINKS = [
  { href: "/sign-in", label: "Sign in" },
  { href: "/sign-up", label: "Create an account" },
] as const;

/**
 * Two rows at every width, so nothing jumps between breakpoints: the name and Quick exit (always
 * in reach), then the sections in one line that scrolls sideways on a narrow phone.
 */
export async function SiteHeader() {
  const user = await getCurrentUser();
  const links = user ? SIGNED_IN_LINKS : SIGNED_OUT_LINKS;
  return (
    <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <div className="mx-auto max-w-3xl px-4">
        <div className="flex items-center justify-between gap-3 pt-3">
          <Link href={user ? "/notes" : "/"} className="text-lg font-semibold text-stone-900 no-underline dark:text-stone-50">
            Common Ground
          </Link>
          <QuickExit />
        </div>
        <nav aria-label="Main" className="-mx-4 overflow-x-auto px-4 [scrollbar-width:thin]">
          <ul className="flex items-center gap-1 whitespace-nowrap text-sm">
            {links.map((link) => (
              <li key={link.href}>
                <NavLink href={link.href}>{link.label}</NavLink>
              </li>
            ))}
            {user ? (
              <li className="ml-auto pl-2">
                <SignOutButton />
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
    </header>
  );
}
