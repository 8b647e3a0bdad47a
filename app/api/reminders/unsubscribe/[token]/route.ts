import { clientAddressFrom } from "@/lib/auth/client-address";
import { getDb } from "@/lib/db/client";
import { unsubscribeFromReminders } from "@/lib/data/reminder-preferences";
import { mailSettings } from "@/lib/email/config";
import { tooManyRequests } from "@/lib/http/too-many-requests";
import { notFound } from "@/lib/http/with-user";
import { addressKeyPart, consumeRateLimit, rateLimitKey, waitText } from "@/lib/limits/rate-limits";
import { unsubscribeSecret, verifyUnsubscribeToken } from "@/lib/reminders/unsubscribe-link";

type Context = { params: Promise<{ token: string }> };

/**
 * Unsubscribes from reminder emails, without signing in: the signed token in the link is the
 * permission, and it names the one account it acts for. Mail clients POST here for one-click
 * unsubscribe (RFC 8058); the confirmation page's form does too. A bad token changes nothing;
 * requests are limited per client address (decision 020).
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  const { token } = await context.params;
  const verdict = await consumeRateLimit(getDb(), "unsubscribe", rateLimitKey(addressKeyPart(clientAddressFrom(request.headers))));
  if (!verdict.allowed) {
    return tooManyRequests(`Too many requests from your network. Try again in ${waitText(verdict.retryAfterSeconds)}.`, verdict.retryAfterSeconds);
  }
  const userId = verifyUnsubscribeToken(token, unsubscribeSecret());
  if (!userId || !(await unsubscribeFromReminders({ db: getDb(), userId }))) return notFound();
  const form = await request.formData().catch(() => null);
  if (form?.get("List-Unsubscribe") === "One-Click") {
    return new Response("Unsubscribed from check-in reminders.\n", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const page = `${mailSettings().appUrl}/unsubscribe/${encodeURIComponent(token)}?done=1`;
  return Response.redirect(page, 303);
}
