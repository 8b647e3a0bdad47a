import "server-only";
import { getDb } from "@/lib/db/client";
import { mailSettings } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { nextClaimExpiry, sweepReminders, type SweepReport } from "./sweep";
import { unsubscribeSecret } from "./unsubscribe-link";

/** One sweep with the app's own clock, database and mailer: what every way of running it calls. */
export function runReminderSweep(workerId: string): Promise<SweepReport> {
  return sweepReminders({
    now: () => new Date(),
    db: getDb(),
    send: sendEmail,
    workerId,
    links: { appUrl: mailSettings().appUrl, unsubscribeSecret: unsubscribeSecret() },
  });
}

/** Never sooner than this after the last sweep, however soon a claim runs out. */
const SHORTEST_WAIT_MS = 1_000;

/**
 * How long a dispatcher waits before its next sweep: its interval, or less when a claim that
 * another sweep holds runs out first (that sweep's process may have been killed: its reminders
 * are taken over then, not up to an interval later).
 */
export async function delayUntilNextSweepMs(intervalMs: number, now = new Date()): Promise<number> {
  const expiry = await nextClaimExpiry(getDb());
  if (!expiry) return intervalMs;
  return Math.min(intervalMs, Math.max(SHORTEST_WAIT_MS, expiry.getTime() - now.getTime() + SHORTEST_WAIT_MS));
}

export function describeSweep(report: SweepReport): string {
  return Object.entries(report)
    .map(([name, count]) => `${name} ${count}`)
    .join(", ");
}
