import { unstable_rethrow } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { NavLink } from "./nav-link";
import { BrandRow } from "./brand-row";
import { SignOutButton } from "./auth/sign-out-button";
import { SIGNED_IN_LINKS } from "./nav-sections";

const SIGNED_OUT_LINKS = [
  { href: "/sign-in", label: "Sign in" },
  { href: "/sign-up", label: "Create an account" },
] as const;

/**
 * The header must stand when the database does not answer: the page below then shows its own
 * calm error, and Quick exit stays in reach. Without knowing who is signed in, it offers no links.
 */
export async function whoIsSignedIn() {
  try {
    return await getCurrentUser();
  } catch (error) {
    // Next.js signals (this page reads cookies, so it is rendered per request) are not failures.
    unstable_rethrow(error);
    console.error("The header could not check who is signed in:", error);
    return "unknown" as const;
  }
}

/**
 * The name and Quick exit (always in reach), then the sections in one row. Signed in on a phone,
 * the row gives way to the bar at the foot of the screen (PhoneNav), so nothing is off-screen.
 */
export async function SiteHeader() {
  const who = await whoIsSignedIn();
  const user = who === "unknown" ? null : who;
  const links = who === "unknown" ? [] : user ? SIGNED_IN_LINKS : SIGNED_OUT_LINKS;
  return (
    <header className="border-b border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <div className="mx-auto max-w-3xl px-4">
        <BrandRow home="/" />
        <nav aria-label="Main" className={`-mx-4 overflow-x-auto px-4 [scrollbar-width:thin] ${user ? "hidden sm:block" : ""}`}>
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
        {user ? <div className="h-3 sm:hidden" /> : null}
      </div>
    </header>
  );
}
