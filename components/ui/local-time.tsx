"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** An instant shown in the reader's own time zone (the server cannot know it, so UTC renders first). */
export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => new Date(iso).toLocaleString(undefined, { dateStyle: "full", timeStyle: "short" }),
    () => `${new Date(iso).toLocaleString("en", { dateStyle: "full", timeStyle: "short", timeZone: "UTC" })} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
