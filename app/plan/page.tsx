import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { rememberTimeZoneAction } from "@/app/account/actions";
import { moveOccurrenceAction, restoreOccurrenceAction, skipOccurrenceAction } from "@/app/check-ins/actions";
import { ConversationWhen } from "@/components/check-ins/conversation-when";
import { TimeZoneCapture } from "@/components/check-ins/time-zone-capture";
import { Agenda } from "@/components/plan/agenda";
import { everyAgendaAction } from "@/components/plan/agenda-actions";
import { SharedNotOnPlan } from "@/components/plan/shared-not-on-plan";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button-class";
import { InputField, TextAreaField } from "@/components/ui/field";
import { requireAccess } from "@/lib/auth/session";
import { CHECK_IN_TOPICS, RESPONSE_WISHES } from "@/lib/content/guidance";
import { getMyCheckIn } from "@/lib/data/check-ins";
import { getPlan } from "@/lib/data/plan";
import { PLAN_LIMITS } from "@/lib/validation/limits";
import { addCheckInTemplateAction, addTopicAction, setConversationTimeAction } from "./actions";

export const metadata: Metadata = { title: "Our conversation plan" };

export default async function PlanPage() {
  const access = await requireAccess();
  const now = new Date();
  const checkIn = await getMyCheckIn(access, now);
  if (!checkIn) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Our conversation plan</h1>
        <p>
          The plan is shared between partners. <Link href="/couple">Invite your partner</Link> to start one.
        </p>
      </div>
    );
  }
  const plan = await getPlan(access);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Our conversation plan</h1>
        <p className="text-stone-700 dark:text-stone-300">
          An agenda you both can shape: topics either of you adds, and items you chose to share. Take them in order, and
          mark each one when you have talked it through. A shared item is its author&apos;s to put here, take off or mark.
        </p>
      </div>

      <section className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800" aria-labelledby="when">
        <h2 id="when" tabIndex={-1} className="text-lg font-semibold">
          When
        </h2>
        <ConversationWhen
          checkIn={checkIn}
          now={now}
          actions={{ move: moveOccurrenceAction, skip: skipOccurrenceAction, restore: restoreOccurrenceAction, setOneOff: setConversationTimeAction }}
        />
        {checkIn.myTimeZone ? null : <TimeZoneCapture action={rememberTimeZoneAction} />}
      </section>

      <section className="space-y-3" aria-labelledby="agenda">
        <h2 id="agenda" tabIndex={-1} className="text-lg font-semibold">
          Agenda
        </h2>
        {plan.items.length === 0 ? (
          <div className="space-y-3 rounded-xl border border-dashed border-stone-300 p-6 dark:border-stone-700">
            <p>Nothing on the plan yet. Add a topic below, or start from the weekly check-in:</p>
            <ul className="list-disc pl-6 text-sm text-stone-700 dark:text-stone-300">
              {CHECK_IN_TOPICS.map((topic) => (
                <li key={topic.label}>
                  <span className="font-medium">{topic.label}</span>: {topic.hint}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <>
            <p className="text-sm text-stone-700 dark:text-stone-300">
              Tick an item once you have talked it through. Its &ldquo;More&rdquo; moves it, takes it off the plan, or shows all of it.
            </p>
            <Agenda
              items={plan.items.map((item, index) => ({
                id: item.id,
                title: item.title,
                detail: item.detail,
                byline: item.kind === "shared" ? `Shared by ${item.sharedBy}` : `Topic added by ${item.addedBy}`,
                discussed: item.discussed,
                responseWish: item.responseWish ? RESPONSE_WISHES[item.responseWish].label : null,
                decidedBy: item.decidedBy,
                actions: everyAgendaAction(item, index, plan.items.length),
              }))}
            />
          </>
        )}
      </section>

      <p>
        <Link href="/conversation" className={`${buttonClass("primary")} no-underline hover:no-underline`}>
          Start our conversation
        </Link>
      </p>

      {plan.sharedNotOnPlan.length ? (
        <section className="space-y-3" aria-labelledby="shared-available">
          <h2 id="shared-available" className="text-lg font-semibold">
            What you shared that is not on the plan
          </h2>
          <SharedNotOnPlan items={plan.sharedNotOnPlan} />
        </section>
      ) : null}

      <section className="grid gap-6 md:grid-cols-2">
        <div className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
          <h2 className="text-lg font-semibold">Add a topic</h2>
          <ActionForm action={addTopicAction} formKey={randomUUID()} submitLabel="Add topic" pendingLabel="Adding…">
            <InputField name="title" label="Topic" maxLength={PLAN_LIMITS.topicTitle} />
            <TextAreaField name="detail" label="Detail (optional)" rows={2} maxLength={PLAN_LIMITS.topicDetail} />
          </ActionForm>
        </div>
        <div className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
          <h2 className="text-lg font-semibold">Weekly check-in template</h2>
          <p className="text-sm text-stone-700 dark:text-stone-300">
            Adds four topics in a well-tried order: appreciations, what went well, one issue heard before it is solved, and a
            plan for the week.
          </p>
          <ActionForm
            action={addCheckInTemplateAction}
            formKey={randomUUID()}
            submitLabel="Add the check-in topics"
            pendingLabel="Adding…"
            tone="secondary"
          />
        </div>
      </section>
    </div>
  );
}
