import { formatWhen } from "@/lib/check-ins/conversations";

/**
 * Every email the app sends. Wording is neutral on purpose: a subject line can be read over a
 * shoulder or on a shared screen. No email names therapy, notes, summaries or anything either
 * partner wrote; a reminder says when, and links to the app. Both partners get the same words.
 */
export type RenderedEmail = { subject: string; text: string; html: string };

const APP_NAME = "Common Ground";

/** A check-in of the couple's schedule, or the one-off conversation set on the plan: the reminder names which. */
export type ConversationKind = "check-in" | "conversation";

export function reminderEmail(input: {
  occurrenceAt: Date;
  kind: ConversationKind;
  /** The recipient's own zone (else the schedule's): the time is named in it (decision 038). */
  timeZone: string;
  planUrl: string;
  unsubscribeUrl: string;
  now: Date;
}): RenderedEmail {
  const when = formatWhen(input.occurrenceAt, input.timeZone, input.now);
  const subject = `Reminder: ${input.kind} on ${when}`;
  const text = [
    "Hello,",
    "",
    `A reminder of your ${input.kind} together:`,
    when,
    "",
    `See your plan for it: ${input.planUrl}`,
    "",
    `A calendar file for this ${input.kind} is attached.`,
    "",
    "--",
    "You get this email because you turned on check-in reminders.",
    `Stop these reminders: ${input.unsubscribeUrl}`,
  ].join("\n");
  const html = layout(
    subject,
    [
      paragraph("Hello,"),
      paragraph(`A reminder of your ${input.kind} together:`),
      `<p style="margin:0 0 16px;font-size:18px;font-weight:600;color:#1c1917">${escapeHtml(when)}</p>`,
      button("See your plan for it", input.planUrl),
      paragraph(`A calendar file for this ${input.kind} is attached.`),
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

/** The one link that finishes a sign-up: whoever can read this address's mail chooses the password. */
export function signUpLinkEmail(input: { confirmUrl: string; lifetimeHours: number }): RenderedEmail {
  return linkEmail({
    subject: `Finish creating your ${APP_NAME} account`,
    intro: `Someone, hopefully you, asked to create a ${APP_NAME} account with this email address. To finish, open this link and choose your password:`,
    label: "Finish creating my account",
    url: input.confirmUrl,
    after: `The link works once, for ${hours(input.lifetimeHours)}. If this was not you, ignore this email: no account is made unless the link is used.`,
  });
}

/**
 * Sent instead of a sign-up link when the address already has an account, so the sign-up form
 * can answer the same whether or not it has one (SPEC C12).
 */
export function accountExistsEmail(input: { signInUrl: string; resetUrl: string }): RenderedEmail {
  const subject = `Signing up to ${APP_NAME}`;
  const intro = `Someone, hopefully you, asked to create a ${APP_NAME} account with this email address. It already has one, so nothing was changed.`;
  const after = `If you forgot your password, choose a new one here: ${input.resetUrl}. If this was not you, ignore this email.`;
  const text = ["Hello,", "", intro, "", `Sign in: ${input.signInUrl}`, "", after].join("\n");
  const html = layout(
    subject,
    [
      paragraph("Hello,"),
      paragraph(escapeHtml(intro)),
      button("Sign in", input.signInUrl),
      paragraph(
        `If you forgot your password, <a href="${escapeAttribute(input.resetUrl)}" style="color:#0f766e">choose a new one</a>. If this was not you, ignore this email.`,
      ),
    ],
    `Sent by ${APP_NAME} because this address was typed into its sign-up form.`,
  );
  return { subject, text, html };
}

export function verifyAddressEmail(input: { verifyUrl: string; lifetimeHours: number }): RenderedEmail {
  return linkEmail({
    subject: `Confirm your email address for ${APP_NAME}`,
    intro: `To confirm that this address is yours, open this link:`,
    label: "Confirm my address",
    url: input.verifyUrl,
    after: `The link works once, for ${hours(input.lifetimeHours)}. If you did not ask for it, ignore this email.`,
  });
}

export function passwordResetEmail(input: { resetUrl: string; lifetimeMinutes: number }): RenderedEmail {
  return linkEmail({
    subject: `Choose a new ${APP_NAME} password`,
    intro: "Someone, hopefully you, asked to choose a new password for the account with this address. To do so, open this link:",
    label: "Choose a new password",
    url: input.resetUrl,
    after: `The link works once, for ${input.lifetimeMinutes} minutes. If this was not you, ignore this email: your password stays as it is.`,
  });
}

function linkEmail(input: { subject: string; intro: string; label: string; url: string; after: string }): RenderedEmail {
  const text = ["Hello,", "", input.intro, input.url, "", input.after].join("\n");
  const html = layout(
    input.subject,
    [paragraph("Hello,"), paragraph(escapeHtml(input.intro)), button(input.label, input.url), paragraph(escapeHtml(input.after))],
    `Sent by ${APP_NAME}.`,
  );
  return { subject: input.subject, text, html };
}

function hours(count: number): string {
  return count === 1 ? "1 hour" : `${count} hours`;
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
