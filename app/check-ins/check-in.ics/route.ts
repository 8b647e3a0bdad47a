import { getMyCheckIn } from "@/lib/data/check-ins";
import { mailSettings } from "@/lib/email/config";
import { recurringCalendar } from "@/lib/email/ics";
import { notFound, withUser } from "@/lib/http/with-user";

/** The couple's recurring check-in as a calendar file; for members of the couple only. */
export const GET = withUser(async (access) => {
  const checkIn = await getMyCheckIn(access);
  if (!checkIn?.schedule) return notFound();
  const url = `${mailSettings().appUrl}/check-ins`;
  const calendar = recurringCalendar({ uid: `check-in-${checkIn.coupleId}@common-ground`, url, stampedAt: new Date(), rule: checkIn.schedule });
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="check-in.ics"',
      "Cache-Control": "no-store",
    },
  });
});
