"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";
import { isInSection } from "./nav-sections";

/** A main-navigation tab that tells screen readers, and shows, which section is open. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = isInSection(pathname, href);
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    // On a phone the tabs scroll sideways: bring the open one into view, sideways only (the
    // page itself must not move).
    const tab = link.current;
    const strip = tab?.closest("nav");
    if (!current || !tab || !strip) return;
    const overflow = tab.getBoundingClientRect().right - strip.getBoundingClientRect().right;
    if (overflow > 0) strip.scrollLeft += overflow + 16;
  }, [current]);
  return (
    <Link
      ref={link}
      href={href}
      aria-current={current ? "page" : undefined}
      className={`inline-flex min-h-11 items-center border-b-2 px-2 no-underline hover:text-stone-900 dark:hover:text-stone-50 ${
        current
          ? "border-teal-700 font-semibold text-stone-900 dark:border-teal-400 dark:text-stone-50"
          : "border-transparent text-stone-700 hover:border-stone-300 dark:text-stone-300 dark:hover:border-stone-600"
      }`}
    >
      {children}
    </Link>
  );
}
