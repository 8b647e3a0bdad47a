import { getDb } from "@/lib/db/client";
import { unsubscribeFromReminders } from "@/lib/data/reminder-preferences";
import { mailSettings } from "@/lib/email/config";
import { notFound } from "@/lib/http/with-user";
import { unsubscribeSecret, verifyUnsubscribeToken } from "@/lib/reminders/unsubscribe-link";

type Context = { params: Promise<{ token: string }> };

/**
 * Unsubscribes from reminder emails, without signing in: the signed token in the link is the
 * permission, and it names the one account it acts for. Mail clients POST here for one-click
 * unsubscribe (RFC 8058); the confirmation page's form does too. A bad token changes nothing.
 */
export async function POST(request: Request, context: Context): Promise<Response> {
  const { token } = await context.params;
  const userId = verifyUnsubscribeToken(token, unsubscribeSecret());
  if (!userId || !(await unsubscribeFromReminders({ db: getDb(), userId }))) return notFound();
  const form = await request.formData().catch(() => null);
  if (form?.get("List-Unsubscribe") === "One-Click") {
    return new Response("Unsubscribed from check-in reminders.\n", { headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const page = `${mailSettings().appUrl}/unsubscribe/${encodeURIComponent(token)}?done=1`;
  return Response.redirect(page, 303);
}
