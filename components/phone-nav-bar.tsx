"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { SignOutButton } from "./auth/sign-out-button";
import { isInSection, PHONE_BAR_HREFS, SIGNED_IN_LINKS } from "./nav-sections";

const tab = "flex min-h-12 flex-1 flex-col items-center justify-center px-1 text-xs no-underline border-t-2";
const tabState = (current: boolean) =>
  current
    ? "border-teal-700 font-semibold text-stone-900 dark:border-teal-400 dark:text-stone-50"
    : "border-transparent text-stone-700 dark:text-stone-300";

/**
 * The phone's main navigation: the four sections used most, then "More" for the rest and Sign
 * out. "More" is a <details> disclosure, so it opens without scripts; it closes on arrival.
 */
export function PhoneNavBar() {
  const pathname = usePathname();
  const more = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (more.current) more.current.open = false;
  }, [pathname]);
  const barLinks = SIGNED_IN_LINKS.filter((link) => PHONE_BAR_HREFS.includes(link.href));
  const moreLinks = SIGNED_IN_LINKS.filter((link) => !PHONE_BAR_HREFS.includes(link.href));
  const inMore = moreLinks.some((link) => isInSection(pathname, link.href));
  return (
    <nav
      aria-label="Main"
      className="sticky bottom-0 z-20 border-t border-stone-200 bg-white pb-[env(safe-area-inset-bottom)] sm:hidden dark:border-stone-800 dark:bg-stone-900"
    >
      <ul className="flex items-stretch">
        {barLinks.map((link) => {
          const current = isInSection(pathname, link.href);
          return (
            <li key={link.href} className="flex flex-1">
              <Link href={link.href} aria-current={current ? "page" : undefined} className={`${tab} ${tabState(current)}`}>
                {link.label}
              </Link>
            </li>
          );
        })}
        <li className="flex flex-1">
          <details ref={more} className="group flex flex-1">
            <summary className={`${tab} ${tabState(inMore)} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
              More<span className="sr-only">: the other sections and Sign out</span>
            </summary>
            <ul className="absolute inset-x-0 bottom-full border-t border-stone-200 bg-white px-4 py-2 shadow-lg dark:border-stone-800 dark:bg-stone-900">
              {moreLinks.map((link) => {
                const current = isInSection(pathname, link.href);
                return (
                  <li key={link.href}>
                    <Link
                      href={link.href}
                      aria-current={current ? "page" : undefined}
                      className={`flex min-h-11 items-center no-underline ${current ? "font-semibold text-stone-900 dark:text-stone-50" : "text-stone-700 dark:text-stone-300"}`}
                    >
                      {link.label}
                    </Link>
                  </li>
                );
              })}
              <li className="-mx-2 border-t border-stone-200 pt-1 dark:border-stone-800">
                <SignOutButton />
              </li>
            </ul>
          </details>
        </li>
      </ul>
    </nav>
  );
}
