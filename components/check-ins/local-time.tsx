"use client";

import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/**
 * An instant shown in the reader's own time zone (the browser's). The server cannot know that
 * zone, so it renders `fallback` (the time in the check-in's zone, named); the browser then
 * shows its own.
 */
export function LocalTime({ iso, fallback }: { iso: string; fallback: string }) {
  const local = useSyncExternalStore(
    subscribeNever,
    () => formatHere(iso),
    () => null,
  );
  return <time dateTime={iso}>{local ?? fallback}</time>;
}

const formatters = new Map<string, string>();

function formatHere(iso: string): string {
  // Cached: useSyncExternalStore needs the same string for the same instant on every call.
  let text = formatters.get(iso);
  if (!text) {
    text = new Intl.DateTimeFormat(undefined, {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZoneName: "short",
    }).format(new Date(iso));
    formatters.set(iso, text);
  }
  return text;
}
