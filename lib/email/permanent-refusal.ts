/**
 * Whether a failed send was refused for good: the mail server answered 5xx to this message's
 * recipient (RCPT TO) or content (DATA). Trying again would get the same answer, so the message
 * fails at once. Everything else may pass and is retried: a 4xx answer ("try again later"), a
 * connection that failed or dropped, and 5xx answers about the app's own setup (its login or its
 * sender address), which its operator can fix.
 */
const MESSAGE_COMMANDS = new Set(["RCPT TO", "DATA"]);

export function isPermanentRefusal(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { responseCode, command } = error as { responseCode?: unknown; command?: unknown };
  return typeof responseCode === "number" && responseCode >= 500 && responseCode < 600 && typeof command === "string" && MESSAGE_COMMANDS.has(command);
}
