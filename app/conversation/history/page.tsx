import type { Metadata } from "next";
import Link from "next/link";
import { ConversationNav } from "@/components/conversation/conversation-nav";
import { requireAccess } from "@/lib/auth/session";
import { formatCalendarDate } from "@/lib/format/dates";
import { listConversationsWeHad } from "@/lib/data/conversation";
import { getMyCouple } from "@/lib/data/couples";

export const metadata: Metadata = { title: "Conversations we've had" };

export default async function ConversationHistoryPage() {
  const access = await requireAccess();
  if (!(await getMyCouple(access))) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Conversations we&apos;ve had</h1>
        <p>
          This history belongs to a couple. <Link href="/couple">Invite your partner</Link> to start one.
        </p>
      </div>
    );
  }
  const conversations = await listConversationsWeHad(access);
  return (
    <div className="space-y-6">
      <ConversationNav current="/conversation/history" />
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Conversations we&apos;ve had</h1>
        <p className="text-stone-700 dark:text-stone-300">
          What you talked through, and what you agreed. Something shared that was later taken back is no longer listed here.
        </p>
      </div>
      {conversations.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 p-6 dark:border-stone-700">
          Nothing here yet. When you close a conversation, what you discussed is kept here.
        </p>
      ) : (
        <ol className="space-y-4">
          {conversations.map((conversation) => (
            <li key={conversation.id} className="space-y-2 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
              <h2 className="text-lg font-semibold">{formatCalendarDate(conversation.closedAt)}</h2>
              {conversation.agreedLine ? (
                <p className="break-words">
                  <span className="font-medium">We agreed:</span> {conversation.agreedLine}
                </p>
              ) : null}
              {conversation.items.length ? (
                <ul className="list-disc space-y-1 pl-6">
                  {conversation.items.map((item) => (
                    <li key={item.id} className="break-words">
                      {item.title}
                      {item.shared ? <span className="text-sm text-stone-600 dark:text-stone-400"> (shared)</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-stone-600 dark:text-stone-400">Nothing was marked discussed.</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
