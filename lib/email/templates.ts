import { formatInstant } from "@/lib/check-ins/occurrences";

/**
 * Every email the app sends. Wording is neutral on purpose: a subject line can be read over a
 * shoulder or on a shared screen. No email names therapy, notes, summaries or anything either
 * partner wrote; a reminder says when, and links to the app. Both partners get the same words.
 */
export type RenderedEmail = { subject: string; text: string; html: string };

const APP_NAME = "Common Ground";

export function reminderEmail(input: {
  occurrenceAt: Date;
  timeZone: string;
  checkInsUrl: string;
  unsubscribeUrl: string;
}): RenderedEmail {
  const when = `${formatInstant(input.occurrenceAt, input.timeZone)} (${input.timeZone})`;
  const subject = `Reminder: check-in on ${formatInstant(input.occurrenceAt, input.timeZone)}`;
  const text = [
    "Hello,",
    "",
    "A reminder of your check-in together:",
    when,
    "",
    `Open ${APP_NAME}: ${input.checkInsUrl}`,
    "",
    "A calendar file for this check-in is attached.",
    "",
    "--",
    "You get this email because you turned on check-in reminders.",
    `Stop these reminders: ${input.unsubscribeUrl}`,
  ].join("\n");
  const html = layout(
    subject,
    [
      paragraph("Hello,"),
      paragraph("A reminder of your check-in together:"),
      `<p style="margin:0 0 16px;font-size:18px;font-weight:600;color:#1c1917">${escapeHtml(when)}</p>`,
      button(`Open ${APP_NAME}`, input.checkInsUrl),
      paragraph("A calendar file for this check-in is attached."),
    ],
    `You get this email because you turned on check-in reminders. <a href="${escapeAttribute(input.unsubscribeUrl)}" style="color:#57534e">Stop these reminders</a>.`,
  );
  return { subject, text, html };
}

export function inviteEmail(input: { inviterName: string; acceptUrl: string }): RenderedEmail {
  const inviter = singleLine(input.inviterName);
  const subject = `${inviter} invited you to ${APP_NAME}`;
  const text = [
    "Hello,",
    "",
    `${inviter} invited you to join them on ${APP_NAME}, to plan conversations together.`,
    "",
    `To accept, open this link: ${input.acceptUrl}`,
    "",
    "If you were not expecting this, you can ignore this email: nothing happens unless you accept.",
  ].join("\n");
  const html = layout(
    subject,
    [
      paragraph("Hello,"),
      paragraph(`${escapeHtml(inviter)} invited you to join them on ${APP_NAME}, to plan conversations together.`),
      button("Accept the invitation", input.acceptUrl),
      paragraph("If you were not expecting this, you can ignore this email: nothing happens unless you accept."),
    ],
    `Sent by ${APP_NAME} on behalf of ${escapeHtml(inviter)}.`,
  );
  return { subject, text, html };
}

function layout(title: string, body: string[], footer: string): string {
  return [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#fafaf9;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#292524">',
    '<div style="max-width:520px;margin:0 auto;background:#ffffff;border:1px solid #e7e5e4;border-radius:12px;padding:24px">',
    `<p style="margin:0 0 16px;font-weight:600;color:#0f766e">${APP_NAME}</p>`,
    ...body,
    "</div>",
    `<p style="max-width:520px;margin:16px auto 0;font-size:13px;color:#57534e">${footer}</p>`,
    "</body></html>",
  ].join("\n");
}

function paragraph(html: string): string {
  return `<p style="margin:0 0 16px;line-height:1.5">${html}</p>`;
}

function button(label: string, href: string): string {
  return `<p style="margin:0 0 16px"><a href="${escapeAttribute(href)}" style="display:inline-block;background:#0f766e;color:#ffffff;padding:10px 16px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(label)}</a></p>`;
}

/** A display name in a subject line: no line breaks or control characters. */
function singleLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const escapeAttribute = escapeHtml;
