import "server-only";

/**
 * Whether a state-changing request comes from this app's own pages. The browser sets Origin on
 * every POST and Sec-Fetch-Site on every request, and a page cannot forge either, so another
 * site's form or script is told apart. The origin expected is NEXTAUTH_URL's when configured
 * (behind a proxy), else the Host the browser addressed.
 */
export function isSameOrigin(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin") return false;
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  const configured = process.env.NEXTAUTH_URL;
  const expectedHost = configured ? new URL(configured).host : request.headers.get("host");
  try {
    return new URL(origin).host === expectedHost;
  } catch {
    return false;
  }
}
