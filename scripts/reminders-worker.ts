import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { getEnv } from "@/lib/env";
import { describeDelivery, runMailDelivery } from "@/lib/email/run-delivery";
import { delayUntilNextSweepMs, describeSweep, runReminderSweep } from "@/lib/reminders/run";

/**
 * `npm run reminders:worker`: sends reminders from a process of its own, for deployments
 * with several app instances (set REMINDER_DISPATCH=external on those). Any number of workers
 * may run: their claims never overlap. Stops after the current sweep on SIGINT or SIGTERM.
 */
let sweepIntervalMs: number;
try {
  sweepIntervalMs = getEnv().REMINDER_SWEEP_SECONDS * 1000;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
if (!process.env.DATABASE_URL) {
  console.error("The reminder worker shares the app's database: set DATABASE_URL. (The embedded PGlite database can be opened by one process only; with it, the app sends reminders itself.)");
  process.exit(1);
}

const workerId = `worker-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
let stopping = false;
let wake: (() => void) | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    stopping = true;
    wake?.();
  });
}

console.log(`Reminder worker ${workerId}: sweeping every ${sweepIntervalMs / 1000} s, sooner when a claim runs out.`);
while (!stopping) {
  try {
    console.log(`${new Date().toISOString()} ${describeSweep(await runReminderSweep(workerId))}`);
  } catch (error) {
    console.error("Reminder sweep failed; the next sweep will try again.", error);
  }
  try {
    console.log(`${new Date().toISOString()} mail: ${describeDelivery(await runMailDelivery(workerId))}`);
  } catch (error) {
    console.error("Mail delivery failed; the next sweep will try again.", error);
  }
  if (stopping) break;
  // The usual interval, or sooner when another sweep's claim runs out first (its process may be gone).
  const delayMs = await delayUntilNextSweepMs(sweepIntervalMs).catch((error: unknown) => {
    console.error("Could not read when reminder claims run out; sweeping again after the usual interval.", error);
    return sweepIntervalMs;
  });
  await new Promise<void>((resolve) => {
    wake = resolve;
    setTimeout(resolve, delayMs);
  });
}
console.log("Reminder worker stopped.");
process.exit(0);
