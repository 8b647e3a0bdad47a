import type { NextRequest } from "next/server";
import { endCurrentSession } from "@/lib/auth/session";
import { saveDraft } from "@/lib/data/drafts";
import { DomainError } from "@/lib/data/errors";
import { withBodyLimit } from "@/lib/http/body-limit";
import { isSameOrigin } from "@/lib/http/same-origin";
import { tooManyRequests } from "@/lib/http/too-many-requests";
import { withUser } from "@/lib/http/with-user";
import { consumeRateLimit, rateLimitKey, RATE_LIMITS, waitText } from "@/lib/limits/rate-limits";
import { parseDraftRequest } from "@/lib/validation/draft";

/** The longest draft the forms can make, with room for JSON's escapes; anything longer is refused unread. */
const DRAFT_BODY_LIMIT_BYTES = 256 * 1024;

const noStore = { "Cache-Control": "no-store" };
const refusal = (status: 400 | 404 | 422, error: string) => Response.json({ error }, { status, headers: noStore });

const save = withBodyLimit(
  DRAFT_BODY_LIMIT_BYTES,
  withUser(async (access, request) => {
    const verdict = await consumeRateLimit(access.db, "draft-save", rateLimitKey(access.userId));
    if (!verdict.allowed) {
      return tooManyRequests(
        `Drafts are kept at most ${RATE_LIMITS["draft-save"].points} times in ${RATE_LIMITS["draft-save"].duration / 60} minutes. Try again in ${waitText(verdict.retryAfterSeconds)}.`,
        verdict.retryAfterSeconds,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(await request.text());
    } catch {
      return refusal(400, "This draft could not be read: it is not JSON.");
    }
    const parsed = parseDraftRequest(json);
    if (!parsed.ok) return refusal(400, parsed.message);
    try {
      const savedAt = await saveDraft(access, parsed.target, parsed.draft);
      return Response.json({ savedAt: savedAt?.toISOString() ?? null }, { headers: noStore });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return refusal(error.code === "not-found" ? 404 : 422, error.message);
    }
  }),
);

/**
 * Keeps what a note or summary form holds, as a private draft (decision 036). The form sends it
 * a moment after typing stops, with fetch, and as the page is hidden or left, with
 * navigator.sendBeacon: one plain POST with a JSON body and no CSRF token, so another site's
 * request is refused by its origin, as /api/sign-out does. `?then=sign-out` is Quick exit:
 * the draft is kept first, then the session ends whatever became of the draft, in one request,
 * so the two cannot race.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return Response.json({ error: "This request did not come from this site." }, { status: 403, headers: noStore });
  const signOutAfter = new URL(request.url).searchParams.get("then") === "sign-out";
  try {
    return await save(request as NextRequest, {});
  } finally {
    if (signOutAfter) await endCurrentSession();
  }
}
