import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { InputField, TextAreaField } from "@/components/ui/field";
import { LocalTime, TimeZoneField } from "@/components/ui/local-time";
import { requireAccess } from "@/lib/auth/session";
import { CHECK_IN_TOPICS, RESPONSE_WISHES } from "@/lib/content/guidance";
import { getMyCouple } from "@/lib/data/couples";
import { getPlan } from "@/lib/data/plan";
import { PLAN_LIMITS } from "@/lib/validation/limits";
import {
  addCheckInTemplateAction,
  addSharedItemAction,
  addTopicAction,
  moveItemAction,
  removeItemAction,
  setConversationTimeAction,
  setDiscussedAction,
} from "./actions";

export const metadata: Metadata = { title: "Our conversation plan" };

/**
 * A short label on screen; screen readers hear the whole action and which item it is for, as
 * one string (separate hidden spans would be read with stray spaces, "Move down : Item").
 */
function ItemActionLabel({ visible, spoken = visible, title }: { visible: string; spoken?: string; title: string }) {
  return (
    <span>
      <span aria-hidden="true">{visible}</span>
      <span className="sr-only">{`${spoken}: ${title}`}</span>
    </span>
  );
}

/** Moves one agenda item; screen readers hear which item it moves. */
function MoveButton({ itemId, title, direction }: { itemId: string; title: string; direction: "up" | "down" }) {
  return (
    <ActionForm
      action={moveItemAction}
      hidden={{ itemId, direction }}
      submitId={`move-${direction}-${itemId}`}
      afterSuccessFocus={[`move-${direction}-${itemId}`, `plan-item-${itemId}`]}
      submitLabel={<ItemActionLabel visible={direction === "up" ? "↑ Up" : "↓ Down"} spoken={`Move ${direction}`} title={title} />}
      pendingLabel="Moving…"
      tone="secondary"
    />
  );
}

export default async function PlanPage() {
  const access = await requireAccess();
  if (!(await getMyCouple(access))) {
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
          mark each one when you have talked it through.
        </p>
      </div>

      <section className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800" aria-labelledby="when">
        <h2 id="when" className="text-lg font-semibold">
          When
        </h2>
        <p>{plan.conversationAt ? <LocalTime iso={plan.conversationAt.toISOString()} /> : "No time set yet."}</p>
        <ActionForm action={setConversationTimeAction} submitLabel="Save the time" pendingLabel="Saving…" tone="secondary">
          <TimeZoneField />
          <InputField name="conversationAt" label="Date and time (your time zone; leave empty to clear)" type="datetime-local" />
        </ActionForm>
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
          <ol className="space-y-3">
            {plan.items.map((item, index) => (
              <li
                key={item.id}
                id={`plan-item-${item.id}`}
                tabIndex={-1}
                className={`space-y-2 rounded-xl border p-4 ${item.discussed ? "border-teal-300 bg-teal-50/60 dark:border-teal-800 dark:bg-teal-950/40" : "border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900"}`}
              >
                <p className="text-sm text-stone-600 dark:text-stone-400">
                  {index + 1}. {item.kind === "shared" ? `Shared by ${item.sharedBy}` : `Topic added by ${item.addedBy}`}
                  {item.discussed ? " · Discussed" : ""}
                </p>
                <h3 className={`text-lg font-medium ${item.discussed ? "line-through decoration-teal-700/60" : ""}`}>{item.title}</h3>
                {item.detail ? <p className="whitespace-pre-wrap text-stone-700 dark:text-stone-300">{item.detail}</p> : null}
                {item.responseWish ? (
                  <p className="text-sm">How to respond: {RESPONSE_WISHES[item.responseWish].label}</p>
                ) : null}
                <div className="flex flex-wrap items-start gap-2">
                  <ActionForm
                    action={setDiscussedAction}
                    hidden={{ itemId: item.id, discussed: item.discussed ? "no" : "yes" }}
                    submitLabel={<ItemActionLabel visible={item.discussed ? "Mark not discussed" : "Mark discussed"} title={item.title} />}
                    pendingLabel="Saving…"
                    tone="secondary"
                  />
                  <ActionForm
                    action={removeItemAction}
                    hidden={{ itemId: item.id }}
                    afterSuccessFocus={["agenda"]}
                    submitLabel={<ItemActionLabel visible="Remove" spoken="Remove from the plan" title={item.title} />}
                    pendingLabel="Removing…"
                    tone="secondary"
                  />
                  <div className="ml-auto flex gap-2">
                    {index > 0 ? <MoveButton itemId={item.id} title={item.title} direction="up" /> : null}
                    {index < plan.items.length - 1 ? <MoveButton itemId={item.id} title={item.title} direction="down" /> : null}
                  </div>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      {plan.sharedNotOnPlan.length ? (
        <section className="space-y-3" aria-labelledby="shared-available">
          <h2 id="shared-available" className="text-lg font-semibold">
            Shared items not on the plan
          </h2>
          <ul className="space-y-2">
            {plan.sharedNotOnPlan.map((shared) => (
              <li key={shared.consentId} className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-stone-200 p-3 dark:border-stone-800">
                <span>
                  {shared.title} <span className="text-sm text-stone-600 dark:text-stone-400">(shared by {shared.sharedBy})</span>
                </span>
                <ActionForm
                  action={addSharedItemAction}
                  hidden={{ consentId: shared.consentId }}
                  afterSuccessFocus={["agenda"]}
                  submitLabel="Add to the plan"
                  pendingLabel="Adding…"
                  tone="secondary"
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="grid gap-6 md:grid-cols-2">
        <div className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
          <h2 className="text-lg font-semibold">Add a topic</h2>
          <ActionForm action={addTopicAction} hidden={{ formKey: randomUUID() }} submitLabel="Add topic" pendingLabel="Adding…">
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
            hidden={{ formKey: randomUUID() }}
            submitLabel="Add the check-in topics"
            pendingLabel="Adding…"
            tone="secondary"
          />
        </div>
      </section>
    </div>
  );
}
