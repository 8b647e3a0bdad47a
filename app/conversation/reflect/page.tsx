import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ConversationNav } from "@/components/conversation/conversation-nav";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button-class";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { TextAreaField } from "@/components/ui/field";
import { requireAccess } from "@/lib/auth/session";
import { CONVERSATION_LIMITS } from "@/lib/conversation/limits";
import { listMyReflections } from "@/lib/data/conversation";
import { formatCalendarDate } from "@/lib/format/dates";
import { deleteReflectionAction, saveReflectionAction, setForNextSessionAction } from "../actions";

export const metadata: Metadata = { title: "My reflections" };

type Props = { searchParams: Promise<{ after?: string | string[] }> };

type Reflection = Awaited<ReturnType<typeof listMyReflections>>[number];

/** One reflection as its author reads it: when, the words, and what they can do with it. */
function ReflectionItem({ reflection, className = "", children }: { reflection: Reflection; className?: string; children: ReactNode }) {
  return (
    <li className={`space-y-2 rounded-xl border border-stone-200 p-4 dark:border-stone-800 ${className}`}>
      <p className="text-sm text-stone-600 dark:text-stone-400">{formatCalendarDate(reflection.createdAt)}</p>
      <p className="whitespace-pre-wrap break-words">{reflection.body}</p>
      {children}
    </li>
  );
}

/**
 * A person's own reflections after a conversation, and the list they keep for their next
 * therapy session. Theirs alone: never read for the partner, never counted.
 */
export default async function ReflectPage({ searchParams }: Props) {
  const access = await requireAccess();
  const [reflections, { after }] = await Promise.all([listMyReflections(access), searchParams]);
  const conversationId = typeof after === "string" ? after : "";
  const nextSession = reflections.filter((reflection) => reflection.forNextSession);
  const others = reflections.filter((reflection) => !reflection.forNextSession);
  return (
    <div className="space-y-8">
      <ConversationNav current="/conversation/reflect" />
      <div className="space-y-2 print:hidden">
        <h1 className="text-2xl font-semibold">My reflections</h1>
        <p className="text-stone-700 dark:text-stone-300">
          Only you can read what you write here. Your partner cannot see it, or whether you wrote anything at all. Write if it
          helps; there is nothing you have to do.
        </p>
      </div>

      <section aria-labelledby="write" className="space-y-3 rounded-xl border border-stone-200 p-4 print:hidden dark:border-stone-800">
        <h2 id="write" className="text-lg font-semibold">
          {conversationId ? "After this conversation" : "A reflection"}
        </h2>
        <ActionForm action={saveReflectionAction} hidden={conversationId ? { conversationId } : {}} submitLabel="Keep it, privately" pendingLabel="Saving…">
          <TextAreaField
            name="body"
            label="What stayed with me"
            hint="What you felt, what surprised you, what you would like to understand better."
            rows={5}
            maxLength={CONVERSATION_LIMITS.reflection}
          />
          <CheckboxField name="forNextSession" value="on" label="Add it to my list for my next session" />
        </ActionForm>
      </section>

      <section aria-labelledby="next-session" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="next-session" className="text-lg font-semibold">
            For my next session
          </h2>
          {nextSession.length ? (
            <a href="/conversation/reflect/next-session.txt" download className={`${buttonClass("secondary")} no-underline print:hidden`}>
              Download as text
            </a>
          ) : null}
        </div>
        {nextSession.length ? (
          <>
            <p className="text-sm text-stone-700 print:hidden dark:text-stone-300">To print it, use your browser&apos;s Print: only this list is printed.</p>
            <ul className="space-y-3">
              {nextSession.map((reflection) => (
                <ReflectionItem key={reflection.id} reflection={reflection} className="print:border-0 print:p-0">
                  <div className="print:hidden">
                    <ActionForm
                      action={setForNextSessionAction}
                      hidden={{ reflectionId: reflection.id, forNextSession: "no" }}
                      submitLabel="Done with it: take it off the list"
                      pendingLabel="Taking off…"
                      tone="secondary"
                      afterSuccessFocus={["next-session"]}
                    />
                  </div>
                </ReflectionItem>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-stone-700 dark:text-stone-300">Nothing on it. A reflection can go on it when you write it, or later.</p>
        )}
      </section>

      {others.length ? (
        <section aria-labelledby="earlier" className="space-y-3 print:hidden">
          <h2 id="earlier" tabIndex={-1} className="text-lg font-semibold">
            Other reflections
          </h2>
          <ul className="space-y-3">
            {others.map((reflection) => (
              <ReflectionItem key={reflection.id} reflection={reflection}>
                <div className="grid gap-3 sm:grid-cols-2">
                  <ActionForm
                    action={setForNextSessionAction}
                    hidden={{ reflectionId: reflection.id, forNextSession: "yes" }}
                    submitLabel="For my next session"
                    pendingLabel="Adding…"
                    tone="secondary"
                    afterSuccessFocus={["next-session"]}
                  />
                  <ActionForm
                    action={deleteReflectionAction}
                    hidden={{ reflectionId: reflection.id }}
                    submitLabel="Delete"
                    pendingLabel="Deleting…"
                    tone="danger"
                    afterSuccessFocus={["earlier", "next-session"]}
                  />
                </div>
              </ReflectionItem>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
