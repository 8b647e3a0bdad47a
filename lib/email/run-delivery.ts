import "server-only";
import { getDb } from "@/lib/db/client";
import { deliverQueuedEmails, type DeliveryReport } from "./delivery";
import { sendEmail } from "./send";

/** One delivery run with the app's own clock, database and mailer. */
export function runMailDelivery(workerId: string): Promise<DeliveryReport> {
  return deliverQueuedEmails({ now: () => new Date(), db: getDb(), send: sendEmail, workerId });
}

export function describeDelivery(report: DeliveryReport): string {
  return Object.entries(report)
    .map(([name, count]) => `${name} ${count}`)
    .join(", ");
}
