import "server-only";
import { occurrenceCalendar } from "@/lib/email/ics";
import type { OutgoingEmail } from "@/lib/email/mailer";
import { reminderEmail, type ConversationKind } from "@/lib/email/templates";
import { oneClickUnsubscribeUrl, unsubscribePageUrl, unsubscribeToken } from "./unsubscribe-link";

export type ReminderLinks = { appUrl: string; unsubscribeSecret: string };

/**
 * The reminder for one conversation, to one recipient: when (in their zone), a link to its plan, a calendar file,
 * and the recipient's own unsubscribe link. Nothing else about the couple goes in it.
 */
export function composeReminder(input: {
  /** The ReminderDelivery row: names the message the same on every attempt. */
  deliveryId: string;
  to: string;
  userId: string;
  coupleId: string;
  occurrenceAt: Date;
  kind: ConversationKind;
  timeZone: string;
  links: ReminderLinks;
  now: Date;
}): OutgoingEmail {
  const { appUrl, unsubscribeSecret } = input.links;
  const token = unsubscribeToken(input.userId, unsubscribeSecret);
  // The agenda of the conversation the reminder is for (decision 038).
  const planUrl = `${appUrl}/plan`;
  const rendered = reminderEmail({
    occurrenceAt: input.occurrenceAt,
    kind: input.kind,
    timeZone: input.timeZone,
    planUrl,
    unsubscribeUrl: unsubscribePageUrl(appUrl, token),
    now: input.now,
  });
  const calendar = occurrenceCalendar({
    // The one-off's own event in the couple's calendar file (app/check-ins/check-in.ics), so both update one entry.
    uid:
      input.kind === "conversation"
        ? `conversation-${input.coupleId}@common-ground`
        : `check-in-${input.coupleId}-${input.occurrenceAt.getTime()}@common-ground`,
    url: planUrl,
    stampedAt: input.now,
    occurrenceAt: input.occurrenceAt,
    timeZone: input.timeZone,
  });
  return {
    to: input.to,
    ...rendered,
    messageKey: `reminder-${input.deliveryId}`,
    headers: {
      "List-Unsubscribe": `<${oneClickUnsubscribeUrl(appUrl, token)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    },
    attachments: [{ filename: `${input.kind}.ics`, content: calendar, contentType: "text/calendar; charset=utf-8; method=PUBLISH" }],
  };
}
