import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { PhoneNav } from "@/components/phone-nav";
import { SiteHeader } from "@/components/site-header";
import { Toaster } from "@/components/ui/toaster";
import { getCurrentUser } from "@/lib/auth/session";
import { NEUTRAL_TAB_TITLE } from "@/lib/content/neutral-title";
import "./globals.css";

const description = "A private space for your own therapy, and a shared plan for the conversations you choose to have.";

/** Every page's title, or one neutral word for everyone who chose it on the Account page. */
export async function generateMetadata(): Promise<Metadata> {
  const neutral = (await getCurrentUser())?.neutralTabTitle ?? false;
  return {
    title: neutral
      ? { default: NEUTRAL_TAB_TITLE, template: NEUTRAL_TAB_TITLE }
      : { default: "Common Ground", template: "%s · Common Ground" },
    description: neutral ? undefined : description,
    referrer: "no-referrer",
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, so its scripts carry that response's CSP nonce (proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-stone-900">
          Skip to content
        </a>
        <SiteHeader />
        {/* Focusable from script (tabIndex -1), so a form whose success removes it (a dismissed notice) can leave the focus here. */}
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 focus:outline-none">
          {children}
        </main>
        <footer className="border-t border-stone-200 px-4 py-6 text-center text-sm text-stone-600 dark:border-stone-800 dark:text-stone-400">
          <Link href="/about">About Common Ground and your privacy</Link>
        </footer>
        <PhoneNav />
        <Toaster />
      </body>
    </html>
  );
}
