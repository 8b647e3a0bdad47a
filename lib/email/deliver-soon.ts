import "server-only";
import { randomUUID } from "node:crypto";
import { after } from "next/server";
import { describeDelivery, runMailDelivery } from "./run-delivery";

/**
 * Starts delivering queued email once the current response has been sent, so the form that
 * queued it never waits on the mail server. What fails here is retried by the next run of the
 * dispatcher, the worker or the cron endpoint.
 */
export function deliverQueuedEmailsSoon(): void {
  after(async () => {
    try {
      const report = await runMailDelivery(`request-${randomUUID().slice(0, 8)}`);
      if (report.failed || report.retrying) console.info(`Mail delivery: ${describeDelivery(report)}.`);
    } catch (error) {
      console.error("Delivering queued email failed; the next run will try again.", error);
    }
  });
}
