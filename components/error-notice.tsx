"use client";

import Link from "next/link";
import { useEffect } from "react";
import { buttonClass } from "./ui/button-class";

/**
 * What a page says when it could not be shown: calm, in plain words, without the server's
 * internals (the server logged them; the reference ties this page to that log line).
 */
export function ErrorNotice({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">This page could not be shown just now</h1>
      <p>
        The app is having trouble on its side, perhaps only for a moment. Nothing is wrong with what you did: please try
        again shortly.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={retry} className={buttonClass("primary")}>
          Try again
        </button>
        <Link href="/">Go to the start page</Link>
      </div>
      {error.digest ? <p className="text-sm text-stone-600 dark:text-stone-400">Reference: {error.digest}</p> : null}
    </div>
  );
}
