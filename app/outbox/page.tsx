import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { listOutbox } from "@/lib/data/outbox";
import { getDb } from "@/lib/db/client";
import { isOutboxEnabled, mailSettings } from "@/lib/email/config";
import { currentOutboxKeyHash } from "@/lib/email/outbox-key";

export const metadata: Metadata = { title: "Development outbox", robots: { index: false } };

/**
 * With no SMTP server configured and the server on loopback only, emails are kept instead of
 * sent; this page shows each reader only what lib/data/outbox.ts allows them. It does not exist
 * once SMTP_URL is set (and the server refuses to listen beyond loopback without it).
 */
export default async function OutboxPage() {
  if (!isOutboxEnabled()) notFound();
  const user = await getCurrentUser();
  const messages = await listOutbox({ db: getDb(), userId: user?.id ?? null, keyHash: await currentOutboxKeyHash() });
  const appUrl = mailSettings().appUrl;
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Development outbox</h1>
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          For development only. No mail server is configured (SMTP_URL), so emails are kept here instead of being sent.
          You see the links you asked for in this browser, and once your address is verified, the emails sent to it.
          Calendar attachments are not kept.
        </p>
      </div>
      {messages.length === 0 ? (
        <p className="text-stone-700 dark:text-stone-300">
          No emails for you yet.{user ? null : <> Mail sent to your address shows here once you <Link href="/sign-in?callbackUrl=%2Foutbox">sign in</Link>.</>}
        </p>
      ) : (
        <ul className="space-y-4">
          {messages.map((message) => (
            <li key={message.id} className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
              <p className="font-medium">{message.subject}</p>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toUTCString()}</time>
              </p>
              <AppLinks text={message.text} appUrl={appUrl} subject={message.subject} />
              <details className="mt-2">
                <summary className="cursor-pointer text-sm">Plain text</summary>
                <pre className="mt-2 whitespace-pre-wrap break-words text-sm">{message.text}</pre>
              </details>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm">As HTML</summary>
                <iframe
                  title={`HTML of: ${message.subject}`}
                  srcDoc={message.html}
                  sandbox=""
                  className="mt-2 h-96 w-full rounded-lg border border-stone-200 bg-white dark:border-stone-700"
                />
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The email's links into this app, as links: the way a person follows them from a mail client. */
function AppLinks({ text, appUrl, subject }: { text: string; appUrl: string; subject: string }) {
  const links = [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])].filter((url) => url.startsWith(`${appUrl}/`));
  if (links.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm" aria-label={`Links in: ${subject}`}>
      {links.map((url) => (
        <li key={url}>
          <a href={url} className="break-all">
            {url}
          </a>
        </li>
      ))}
    </ul>
  );
}
