import "server-only";
import { getDb } from "@/lib/db/client";
import { mailSettings } from "./config";
import { createOutboxMailer, createSmtpMailer, type OutgoingEmail, type SmtpMailer } from "./mailer";

// One pooled SMTP connection set per server process, like the database client.
const holder = globalThis as typeof globalThis & { __planner_smtp?: SmtpMailer };

/** Sends one email through the configured SMTP server, or into the development outbox. */
export async function sendEmail(email: OutgoingEmail): Promise<void> {
  const { smtpUrl, from, appUrl } = mailSettings();
  if (!smtpUrl) return createOutboxMailer(getDb())(email);
  holder.__planner_smtp ??= createSmtpMailer({ url: smtpUrl, from, messageIdDomain: new URL(appUrl).hostname });
  return holder.__planner_smtp.send(email);
}
