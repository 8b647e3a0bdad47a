import { endCurrentSession } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/http/same-origin";

/**
 * Ends this browser's session on the server and removes its cookie. Used by Sign out and by
 * Quick exit, which sends it with navigator.sendBeacon as the page leaves, so it takes one
 * plain POST and no CSRF token; another site's request is refused by its origin instead
 * (and SameSite=Lax keeps the cookie off it anyway). Answers alike with or without a session.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return Response.json({ error: "This request did not come from this site." }, { status: 403 });
  await endCurrentSession();
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
}
