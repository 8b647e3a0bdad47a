"use client";

import { BrandRow } from "@/components/brand-row";
import { ErrorNotice } from "@/components/error-notice";
import "./globals.css";

/**
 * When even the layout fails, this replaces it: the name and Quick exit stay in reach, with the
 * same calm words as any other page that could not be shown.
 */
export default function GlobalError(props: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <header className="border-b border-stone-200 bg-white pb-3 dark:border-stone-800 dark:bg-stone-900">
          <div className="mx-auto max-w-3xl px-4">
            <BrandRow home="/" />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8">
          <ErrorNotice {...props} />
        </main>
      </body>
    </html>
  );
}
