import "server-only";

/** HTTP 429 with Retry-After (seconds) and the reason, for a route refused by a rate limit. */
export function tooManyRequests(message: string, retryAfterSeconds: number): Response {
  return Response.json({ error: message }, { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } });
}
