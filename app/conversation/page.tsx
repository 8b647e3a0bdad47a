import type { Metadata } from "next";
import Link from "next/link";
import { ConversationNav } from "@/components/conversation/conversation-nav";
import { GroundRules } from "@/components/conversation/ground-rules";
import { LiveRefresh } from "@/components/conversation/live-refresh";
import { PauseTimer } from "@/components/conversation/pause-timer";
import { RepairPhrases } from "@/components/conversation/repair-phrases";
import { TurnControls } from "@/components/conversation/turn-controls";
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField } from "@/components/ui/field";
import { requireAccess } from "@/lib/auth/session";
import { formatTimeOfDay } from "@/lib/check-ins/conversations";
import { CONVERSATION_LIMITS } from "@/lib/conversation/limits";
import { pauseState } from "@/lib/conversation/pause";
import { SAY_BACK_PROMPT, listenerRule } from "@/lib/conversation/turns";
import { getConversation } from "@/lib/data/conversation";
import { getMyCouple } from "@/lib/data/couples";
import { getMyTimeZone } from "@/lib/data/time-zone";
import { closeConversationAction, endPauseAction, startConversationAction } from "./actions";

export const metadata: Metadata = { title: "Our conversation" };

export default async function ConversationPage() {
  const access = await requireAccess();
  if (!(await getMyCouple(access))) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Our conversation</h1>
        <p>
          A conversation is held by two. <Link href="/couple">Invite your partner</Link> to start one.
        </p>
      </div>
    );
  }
  const [view, myTimeZone] = await Promise.all([getConversation(access), getMyTimeZone(access)]);
  const now = new Date();
  if (!view.conversation) {
    return (
      <div className="space-y-6">
        <ConversationNav current="/conversation" />
        <div className="space-y-2">
          <h1 className="text-2xl font-semibold">Our conversation</h1>
          <p className="text-stone-700 dark:text-stone-300">
            Take your plan one thing at a time, together, on one phone or on both. Whoever brought an item speaks first; the
            other listens the way they asked, and says back what they heard before answering. Either of you can call a pause.
          </p>
          <p className="text-stone-700 dark:text-stone-300">
            {view.openItems === 0
              ? "Your agenda is empty: you can still start with your opening, and add topics on the plan."
              : "Items you do not reach stay on your plan for next time."}
          </p>
        </div>
        <GroundRules rules={view.guide.rules} steps={view.guide.steps} />
        <ActionForm action={startConversationAction} submitLabel="Start our conversation" pendingLabel="Starting…" />
        <LiveRefresh everyMs={8000} />
      </div>
    );
  }

  const conversation = view.conversation;
  const pause = pauseState(conversation.pauseUntil, now);
  const rule = conversation.item ? listenerRule(conversation.item.responseWish) : listenerRule(null);
  const turnLine = conversation.mySpeakingTurn ? `Your turn to speak. ${view.partnerName} listens.` : `${view.partnerName} speaks. Your turn to listen.`;
  const stopTitle = conversation.item ? conversation.item.title : conversation.step ? "Opening" : "Nothing left on the agenda";
  const nameOf = (who: "me" | "partner") => (who === "me" ? "you" : view.partnerName);
  const pausedBy = conversation.pausedBy ? `, called by ${nameOf(conversation.pausedBy)}` : "";
  const spoken = pause.kind === "paused" ? `A pause${pausedBy}.` : `${conversation.stopNumber} of ${conversation.stopCount}: ${stopTitle}. ${turnLine}`;

  return (
    <div className="space-y-6">
      <ConversationNav current="/conversation" />
      <h1 className="text-2xl font-semibold">Our conversation</h1>
      {/* One polite line that changes only when the stop, the turn or the pause does (either device). */}
      <p role="status" className="sr-only">
        {spoken}
      </p>

      {pause.kind !== "none" && conversation.pauseUntil ? (
        <section aria-labelledby="pause-heading" className="space-y-4 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950">
          <h2 id="pause-heading" tabIndex={-1} className="text-xl font-semibold">
            A pause{pausedBy}
          </h2>
          <p className="text-stone-800 dark:text-stone-200">
            Step away and do something calming. Try not to go over the argument in your head: it takes about twenty minutes for
            a racing heart to settle.
          </p>
          <PauseTimer
            untilIso={conversation.pauseUntil.toISOString()}
            nowIso={now.toISOString()}
            backAt={formatTimeOfDay(conversation.pauseUntil, myTimeZone ?? "UTC")}
          />
          <RepairPhrases />
          <ActionForm action={endPauseAction} submitLabel="We're ready to come back" pendingLabel="Coming back…" afterSuccessFocus={["stop-heading"]} />
        </section>
      ) : (
        <>
          <section aria-labelledby="stop-heading" className="space-y-4 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
            <p className="text-sm text-stone-600 dark:text-stone-400">
              {conversation.stopNumber > 0 ? `${conversation.stopNumber} of ${conversation.stopCount}` : null}
              {conversation.step ? " · Opening" : conversation.item ? " · Agenda" : null}
            </p>
            <h2 id="stop-heading" tabIndex={-1} className="text-xl font-semibold break-words">
              {conversation.step ? conversation.step.text : stopTitle}
            </h2>
            {conversation.item ? (
              <>
                {conversation.item.detail ? <p className="whitespace-pre-wrap break-words">{conversation.item.detail}</p> : null}
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {conversation.item.kind === "shared" ? "Shared by " : "Topic added by "}
                  {nameOf(conversation.item.broughtBy)}
                  {conversation.item.discussed ? " · Discussed" : null}
                </p>
              </>
            ) : conversation.step ? null : (
              <p>Everything on the agenda is behind you. Close the conversation when you are ready.</p>
            )}
            <div className="space-y-2 rounded-lg bg-teal-50 p-4 dark:bg-teal-950">
              <p id="turn-line" tabIndex={-1} className="text-lg font-semibold">
                {turnLine}
              </p>
              <p>
                <span className="font-medium">Listener: {rule.label}.</span> {rule.line}
              </p>
              <p className="text-stone-700 dark:text-stone-300">{SAY_BACK_PROMPT}</p>
            </div>
          </section>
          <TurnControls
            position={conversation.position}
            markableItemId={conversation.item && conversation.item.mayMarkDiscussed && !conversation.item.discussed ? conversation.item.id : null}
            hasPrevious={conversation.hasPrevious}
            hasNext={conversation.hasNext}
          />
          <details className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
            <summary className="cursor-pointer font-medium">If it gets heated: ways back in</summary>
            <div className="pt-3">
              <RepairPhrases />
            </div>
          </details>
        </>
      )}

      <GroundRules rules={view.guide.rules} steps={view.guide.steps} />

      <section id="close" aria-labelledby="close-heading" className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
        <h2 id="close-heading" className="text-lg font-semibold">
          Close this conversation
        </h2>
        <p className="text-sm text-stone-700 dark:text-stone-300">
          What you marked discussed goes to the conversations you have had, with today&apos;s date. Everything else stays on your
          plan for next time. Afterwards, each of you can write a reflection only you will read.
        </p>
        <ActionForm action={closeConversationAction} submitLabel="Close this conversation" pendingLabel="Closing…" tone="secondary">
          <TextAreaField
            name="agreedLine"
            label="What we agreed (optional, you both will see it)"
            rows={2}
            maxLength={CONVERSATION_LIMITS.agreedLine}
          />
        </ActionForm>
      </section>
      <LiveRefresh />
    </div>
  );
}
