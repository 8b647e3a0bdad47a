"use client";

import { useEffect } from "react";
import { signOutKeepingDrafts } from "@/components/drafts/autosave";

/** A neutral page with nothing to do with relationships or therapy. */
export const QUICK_EXIT_URL = "https://www.bbc.co.uk/weather";

function leave() {
  try {
    // The session ends on the server even as the page goes: the browser delivers a beacon after the page is gone.
    // A draft not yet kept goes in the same beacon, before the session ends (decision 036).
    signOutKeepingDrafts();
    // Nothing private stays in this document, should the browser keep it for Back.
    document.title = "Weather";
    document.body.replaceChildren();
  } finally {
    // Leaving happens whatever went wrong above. replace(), not a link: Back must not bring the app back.
    window.location.replace(QUICK_EXIT_URL);
  }
}

/** Leaves the app at once: the button, or the Escape key pressed twice in a row. */
export function QuickExit() {
  useEffect(() => {
    let lastEscape = Number.NEGATIVE_INFINITY;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      if (event.timeStamp - lastEscape < 800) leave();
      lastEscape = event.timeStamp;
    }
    // A page brought back from the back-forward cache is asked for again, so the server decides
    // what it shows: after Quick exit or sign-out, that is the sign-in page.
    function onPageShow(event: PageTransitionEvent) {
      if (event.persisted) window.location.reload();
    }
    window.addEventListener("keydown", onKeyDown);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      window.removeEventListener("keydown", onKeyDown);
      window.removeEventListener("pageshow", onPageShow);
    };
  }, []);
  return (
    <button
      type="button"
      onClick={leave}
      title="Leave this site at once (or press Esc twice)"
      className="min-h-11 rounded-lg bg-stone-800 px-3 py-2 text-sm font-semibold text-white hover:bg-stone-700 dark:bg-stone-200 dark:text-stone-900"
    >
      Quick exit
    </button>
  );
}
