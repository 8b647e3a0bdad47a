/** Runs once when the server starts: a bad configuration stops it here, with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  const env = getEnv();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // Open the database now, not at the first request: the embedded folder is locked from the
  // start, and a folder another process holds stops this server with that one reason.
  const { getDb } = await import("./lib/db/client");
  try {
    getDb();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  // Reminders are sent from this process unless a worker or an external cron does it (README).
  if (env.REMINDER_DISPATCH === "app") {
    const { startDispatcherUntilShutdown } = await import("./lib/reminders/dispatcher");
    startDispatcherUntilShutdown(env.REMINDER_SWEEP_SECONDS * 1000);
  }
}
