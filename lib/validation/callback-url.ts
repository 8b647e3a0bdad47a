const THIS_SITE = "https://this-site.invalid";

/** Only a path on this site may be a place to go after signing in (no open redirects). */
export function safeCallbackPath(value: string | null | undefined, fallback = "/"): string {
  // Browsers drop tabs and newlines inside URLs ("/\t/evil.com" becomes "//evil.com"), so
  // control characters are refused outright, then the path is resolved the way a browser would.
  if (!value || !value.startsWith("/") || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return URL.canParse(value, THIS_SITE) && new URL(value, THIS_SITE).origin === THIS_SITE ? value : fallback;
}
