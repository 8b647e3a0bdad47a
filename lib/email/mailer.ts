import "server-only";
import nodemailer from "nodemailer";
import type { Db } from "@/lib/db/types";

/**
 * The one way the app sends email. With SMTP_URL set, messages go to that server through
 * nodemailer; without it (the embedded default), they are kept in the OutboxMessage table
 * and shown to their recipient at /outbox, so a newcomer can read them without a mail server.
 */
export type EmailAttachment = { filename: string; content: string; contentType: string };

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  attachments?: EmailAttachment[];
  /**
   * Names this message the same on every attempt (e.g. "reminder-<row id>"): the SMTP mailer
   * makes it the Message-ID, so a mail server that already took a copy can tell a retry is the
   * same message. Unset, every attempt gets a new one.
   */
  messageKey?: string;
  /**
   * Development outbox only (an SMTP server ignores it): who may read this message in /outbox.
   * Unset, it is the account whose verified address is `to` (lib/data/outbox.ts).
   */
  outboxReader?: OutboxReader;
};

/** The signed-in account, or the browser (by the hash of its key), that may read a message. */
export type OutboxReader = { userId: string | null; keyHash: string | null };

export type SendEmail = (email: OutgoingEmail) => Promise<void>;

export type SmtpMailer = { send: SendEmail; close: () => void };

/** Connections kept open to the SMTP server; a sweep sends this many messages at once. */
export const SMTP_CONNECTIONS = 4;

/** Together under a minute and a half: see QUEUED_MAIL_LONGEST_SEND_MS in lib/reminders/policy.ts. */
const SMTP_TIMEOUTS_MS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 45_000 };

/**
 * Pooled: a sweep sends many messages, and reusing connections keeps it quick. Message-IDs end
 * in `messageIdDomain`, the app's own host name.
 */
export function createSmtpMailer(options: { url: string; from: string; messageIdDomain: string; maxConnections?: number }): SmtpMailer {
  // nodemailer reads every option from the URL when given one, so the pool settings go there
  // too (unless SMTP_URL already sets them).
  const url = new URL(options.url);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", String(options.maxConnections ?? SMTP_CONNECTIONS));
  // nodemailer waits up to 10 minutes on a silent server by default; queued mail is leased for 5
  // (lib/reminders/policy.ts), so a send must give up well before that.
  for (const [name, ms] of Object.entries(SMTP_TIMEOUTS_MS)) if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
  const transport = nodemailer.createTransport(url.toString());
  return {
    send: async (email) => {
      await transport.sendMail({
        from: options.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.headers,
        attachments: email.attachments,
        messageId: email.messageKey ? `<${email.messageKey}@${options.messageIdDomain}>` : undefined,
      });
    },
    close: () => transport.close(),
  };
}

/** The embedded default's mailer: the message is stored for the development outbox page. */
export function createOutboxMailer(db: Db): SendEmail {
  return async (email) => {
    await db.outboxMessage.create({
      data: {
        to: email.to.toLowerCase(),
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: {
          ...email.headers,
          ...(email.attachments?.length ? { "X-Attachments": email.attachments.map((file) => file.filename).join(", ") } : {}),
        },
        readerId: email.outboxReader?.userId ?? null,
        readerKeyHash: email.outboxReader?.keyHash ?? null,
      },
    });
  };
}
