import "server-only";
import { getDb } from "@/lib/db/client";
import { mailSettings } from "@/lib/email/config";
import { sendEmail } from "@/lib/email/send";
import { sweepReminders, type SweepReport } from "./sweep";
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

export function describeSweep(report: SweepReport): string {
  return Object.entries(report)
    .map(([name, count]) => `${name} ${count}`)
    .join(", ");
}
