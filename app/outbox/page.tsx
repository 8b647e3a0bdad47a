import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAccess } from "@/lib/auth/session";
import { listMyOutbox } from "@/lib/data/outbox";
import { isOutboxEnabled } from "@/lib/email/config";

export const metadata: Metadata = { title: "Development outbox", robots: { index: false } };

/**
 * With no SMTP server configured, emails are kept instead of sent; this page shows the
 * signed-in person the ones addressed to them. It does not exist once SMTP_URL is set.
 */
export default async function OutboxPage() {
  if (!isOutboxEnabled()) notFound();
  const access = await requireAccess();
  const messages = await listMyOutbox(access);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Development outbox</h1>
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          For development only. No mail server is configured (SMTP_URL), so emails are kept here instead of being sent.
          You see only the emails addressed to you. Calendar attachments are not kept.
        </p>
      </div>
      {messages.length === 0 ? (
        <p className="text-stone-700 dark:text-stone-300">No emails for you yet.</p>
      ) : (
        <ul className="space-y-4">
          {messages.map((message) => (
            <li key={message.id} className="rounded-xl border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
              <p className="font-medium">{message.subject}</p>
              <p className="text-sm text-stone-600 dark:text-stone-400">
                <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toUTCString()}</time>
              </p>
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
