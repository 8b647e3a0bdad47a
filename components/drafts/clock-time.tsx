"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

function sameDay(a: Date, b: Date): boolean {
  return a.toDateString() === b.toDateString();
}

/** "14:02" in the reader's own zone, with the day when it was not today (the server renders UTC first). */
export function ClockTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => {
      const at = new Date(iso);
      const time = at.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
      return sameDay(at, new Date()) ? time : `${at.toLocaleDateString(undefined, { day: "numeric", month: "long" })}, ${time}`;
    },
    () => `${new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: "UTC" })} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
