import { getMyCheckIn, readingZone } from "@/lib/data/check-ins";
import { mailSettings } from "@/lib/email/config";
import { recurringCalendar } from "@/lib/email/ics";
import { notFound, withUser } from "@/lib/http/with-user";

/**
 * The couple's conversations as a calendar file (decision 040): the recurring check-in with its
 * skips and moves, and a one-off conversation set on the plan; for members of the couple only.
 */
export const GET = withUser(async (access) => {
  const checkIn = await getMyCheckIn(access);
  if (!checkIn || (!checkIn.schedule && !checkIn.oneOffAt)) return notFound();
  const url = `${mailSettings().appUrl}/check-ins`;
  const calendar = recurringCalendar({
    uid: `check-in-${checkIn.coupleId}@common-ground`,
    url,
    stampedAt: new Date(),
    rule: checkIn.schedule,
    changes: checkIn.changes,
    oneOff: checkIn.oneOffAt ? { uid: `conversation-${checkIn.coupleId}@common-ground`, at: checkIn.oneOffAt, timeZone: readingZone(checkIn) } : null,
  });
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="check-in.ics"',
      "Cache-Control": "no-store",
    },
  });
});
