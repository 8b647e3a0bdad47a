/**
 * Requests that cannot be read are refused here with a 4xx and words, before Next.js tries to
 * read them and answers 500: an address with broken %-encoding, a form body over the limit,
 * a server action call whose body is not a well-formed form or argument list. Forged action
 * ids need nothing from us: Next.js itself answers 400 or 409 for them.
 */

/** Next.js's own limit for a server action's body (`serverActions.bodySizeLimit`, 1 MB by default). */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

function refusal(status: 400 | 413, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

function hasBrokenEncoding(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

/** A POST that Next.js would read as a server action: called by the app's script, or a form sent without it. */
function readsAsAction(request: Request, pathname: string): boolean {
  if (request.method !== "POST" || pathname.startsWith("/api/")) return false;
  const contentType = request.headers.get("content-type") ?? "";
  return request.headers.has("next-action") || contentType.startsWith("multipart/form-data");
}

async function bodyProblem(request: Request): Promise<Response | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const tooLarge = refusal(413, "This form is too large to send (the limit is 1 MB). Shorten what you wrote, then try again.");
  if (declared > ACTION_BODY_LIMIT_BYTES) return tooLarge;
  const body = await request.arrayBuffer();
  if (body.byteLength > ACTION_BODY_LIMIT_BYTES) return tooLarge;
  const contentType = request.headers.get("content-type") ?? "";
  const unreadable = refusal(400, "This form could not be read: what arrived was incomplete or malformed. Reload the page, then try again.");
  if (contentType.startsWith("multipart/form-data")) {
    try {
      await new Response(body, { headers: { "content-type": contentType } }).formData();
      return null;
    } catch {
      return unreadable;
    }
  }
  // Called by script without a form, an action's arguments arrive as a JSON list.
  try {
    return Array.isArray(JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body))) ? null : unreadable;
  } catch {
    return unreadable;
  }
}

/** The refusal for a request that cannot be read, or null to let it through. */
export async function refuseUnreadableRequest(request: Request): Promise<Response | null> {
  const { pathname } = new URL(request.url);
  if (hasBrokenEncoding(pathname)) return refusal(400, "This address is not valid: part of it is wrongly %-encoded.");
  if (readsAsAction(request, pathname)) return bodyProblem(request);
  return null;
}
