/** Runs once when the server starts: a bad configuration stops it here, with a clear message. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/env");
  const env = getEnv();
  // Reminders are sent from this process unless a worker or an external cron does it (README).
  if (env.REMINDER_DISPATCH === "app" && process.env.NEXT_PHASE !== "phase-production-build") {
    const { startDispatcherUntilShutdown } = await import("./lib/reminders/dispatcher");
    startDispatcherUntilShutdown();
  }
}
