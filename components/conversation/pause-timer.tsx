"use client";

import { useEffect, useState } from "react";
import { countdownText } from "@/lib/conversation/pause";

/**
 * The pause's countdown and the time to come back, the same on both devices (the end time comes
 * from the server; `backAt` is it in the reader's own zone, with the zone named). The ticking numbers are a timer, which screen readers leave alone; the one
 * line that is announced changes only when the pause is over.
 */
export function PauseTimer({ untilIso, nowIso, backAt }: { untilIso: string; nowIso: string; backAt: string }) {
  const until = new Date(untilIso).getTime();
  const [now, setNow] = useState(() => new Date(nowIso).getTime());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const secondsLeft = Math.ceil((until - now) / 1000);
  const over = secondsLeft <= 0;
  return (
    <div className="space-y-2">
      <p className="text-lg">
        Back together at{" "}
        <time dateTime={untilIso} className="font-semibold">
          {backAt}
        </time>
      </p>
      <p role="timer" aria-label="Time left in the pause" className="font-mono text-5xl tabular-nums">
        {countdownText(secondsLeft)}
      </p>
      <p role="status" className="text-stone-700 dark:text-stone-300">
        {over ? "The pause is over. Come back when you are both ready." : null}
      </p>
    </div>
  );
}
