import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { refuseUnreadableRequest } from "@/lib/http/request-guard";
import { contentSecurityPolicy, isHttps, newNonce, strictTransportSecurity } from "@/lib/http/security-headers";

/**
 * Runs before every page and route. An unreadable request is refused with a 4xx, never a 500
 * (decision 027). Every page gets its own nonce: Next.js reads it from the request's
 * Content-Security-Policy and puts it on the scripts and styles it renders, so no other script
 * runs (decision 015). Pages render per request for this (app/layout.tsx), which they did nearly
 * all along.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const refused = await refuseUnreadableRequest(request);
  if (refused) return refused;
  const env = getEnv();
  const appUrl = env.NEXTAUTH_URL ?? env.APP_URL;
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    development: env.NODE_ENV === "development",
    https: isHttps(appUrl),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  const hsts = strictTransportSecurity(appUrl);
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  matcher: [
    {
      // Not the build's static files, and not link prefetches (data for a later navigation, not a page).
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
