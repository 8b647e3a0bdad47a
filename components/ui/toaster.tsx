"use client";

import { useEffect, useState } from "react";

const TOAST_EVENT = "common-ground:toast";
const SHOWN_FOR_MS = 6_000;

/**
 * Confirms an action whose own form is gone afterwards (an item taken off the plan) or has moved
 * (an item moved up or down), where an inline message would vanish or jump with it.
 */
export function toast(message: string): void {
  window.dispatchEvent(new CustomEvent<string>(TOAST_EVENT, { detail: message }));
}

/**
 * The one place toasts appear: a polite live region that is always in the page, so screen
 * readers announce each message, and a visible note at the bottom of the screen.
 */
export function Toaster() {
  const [shown, setShown] = useState<{ message: string; id: number } | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    function onToast(event: Event) {
      const message = (event as CustomEvent<string>).detail;
      // A new id each time: the same message twice in a row is announced twice.
      setShown({ message, id: Date.now() });
      clearTimeout(timer);
      timer = setTimeout(() => setShown(null), SHOWN_FOR_MS);
    }
    window.addEventListener(TOAST_EVENT, onToast);
    return () => {
      window.removeEventListener(TOAST_EVENT, onToast);
      clearTimeout(timer);
    };
  }, []);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-4 bottom-4 z-20 flex justify-center">
      {shown ? (
        <p
          key={shown.id}
          className="rounded-lg border border-teal-300 bg-teal-50 px-4 py-3 text-sm text-teal-900 shadow-lg dark:border-teal-800 dark:bg-teal-950 dark:text-teal-100"
        >
          {shown.message}
        </p>
      ) : null}
    </div>
  );
}
