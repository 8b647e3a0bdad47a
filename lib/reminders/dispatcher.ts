import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { describeDelivery, runMailDelivery } from "@/lib/email/run-delivery";
import { delayUntilNextSweepMs, describeSweep, runReminderSweep } from "./run";

export type ReminderDispatcher = { stop: () => Promise<void> };

/**
 * Sweeps every interval, or sooner when another sweep's claim runs out first (run.ts), never two
 * at once in this process: the next sweep is scheduled only when the last one has finished. The
 * timer does not keep the process alive, and stop() waits for a sweep in progress. A process
 * killed mid-sweep loses nothing: its claims run out within a lease and another sweep takes
 * them over (lib/reminders/sweep.ts).
 */
export function startReminderDispatcher(options: { intervalMs: number; firstRunAfterMs?: number }): ReminderDispatcher {
  const { intervalMs } = options;
  const workerId = `app-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const schedule = (delayMs: number) => {
    timer = setTimeout(tick, delayMs);
    timer.unref();
  };
  const tick = () => {
    running = runReminderSweep(workerId)
      .then((report) => {
        if (report.sent || report.failed || report.tooLate || report.retrying || report.deferred) console.info(`Reminder sweep: ${describeSweep(report)}.`);
      })
      .catch((error: unknown) => console.error("Reminder sweep failed; the next sweep will try again.", error))
      // Queued mail (invites, sign-up, password reset) is retried on the same beat.
      .then(() => runMailDelivery(workerId))
      .then((report) => {
        if (report.failed || report.retrying || report.deferred) console.info(`Mail delivery: ${describeDelivery(report)}.`);
      })
      .catch((error: unknown) => console.error("Mail delivery failed; the next sweep will try again.", error))
      .then(() => delayUntilNextSweepMs(intervalMs))
      .catch((error: unknown) => {
        console.error("Could not read when reminder claims run out; sweeping again after the usual interval.", error);
        return intervalMs;
      })
      .then((delayMs) => {
        running = null;
        if (!stopped) schedule(delayMs);
      });
  };

  schedule(options.firstRunAfterMs ?? 5_000);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** The app server's dispatcher: Next.js exits on SIGINT and SIGTERM, and no new sweep starts once they arrive. */
export function startDispatcherUntilShutdown(intervalMs: number): ReminderDispatcher {
  const dispatcher = startReminderDispatcher({ intervalMs });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void dispatcher.stop());
  return dispatcher;
}
