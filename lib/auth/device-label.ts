import { userAgentFromString } from "next/server";

/**
 * A short name for a browser, such as "Chrome on Linux", so a person can tell their sessions
 * apart on the Account page. Next.js's own User-Agent parser (ua-parser-js, bundled) reads it;
 * the raw string is not kept.
 */
export function deviceLabel(userAgent: string | null | undefined): string {
  const { browser, os } = userAgentFromString(userAgent?.slice(0, 512) ?? undefined);
  if (browser.name && os.name) return `${browser.name} on ${os.name}`;
  return browser.name ?? (os.name ? `A browser on ${os.name}` : "An unknown browser");
}
