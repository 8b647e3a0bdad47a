/** Only a path on this site may be a place to go after signing in (no open redirects). */
export function safeCallbackPath(value: string | null | undefined, fallback = "/notes"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
