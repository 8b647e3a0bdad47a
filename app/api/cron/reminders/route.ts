import { randomUUID } from "node:crypto";
import { getEnv } from "@/lib/env";
import { hasBearerSecret } from "@/lib/http/bearer";
import { notFound } from "@/lib/http/with-user";
import { runMailDelivery } from "@/lib/email/run-delivery";
import { runReminderSweep } from "@/lib/reminders/run";

/**
 * For an external scheduler: POST with `Authorization: Bearer $CRON_SECRET` runs one sweep.
 * Without CRON_SECRET configured the endpoint does not exist. No user is involved, so this is
 * not a withUser route: the secret is the guard.
 */
export async function POST(request: Request): Promise<Response> {
  const secret = getEnv().CRON_SECRET;
  if (!secret) return notFound();
  if (!hasBearerSecret(request, secret)) {
    return Response.json({ error: "Unauthorized." }, { status: 401, headers: { "WWW-Authenticate": "Bearer" } });
  }
  const workerId = `cron-${randomUUID().slice(0, 8)}`;
  const report = await runReminderSweep(workerId);
  const mail = await runMailDelivery(workerId);
  return Response.json({ ...report, mail }, { headers: { "Cache-Control": "no-store" } });
}
