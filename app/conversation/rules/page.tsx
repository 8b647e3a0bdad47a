import type { Metadata } from "next";
import Link from "next/link";
import { ConversationNav } from "@/components/conversation/conversation-nav";
import { LiveRefresh } from "@/components/conversation/live-refresh";
import { ActionForm } from "@/components/ui/action-form";
import { TextAreaField } from "@/components/ui/field";
import { requireAccess } from "@/lib/auth/session";
import { CONVERSATION_LIMITS } from "@/lib/conversation/limits";
import { getConversationGuide } from "@/lib/data/conversation";
import { getMyCouple } from "@/lib/data/couples";
import { acceptGuideAction, dropGuideProposalAction, proposeGuideAction } from "../actions";

export const metadata: Metadata = { title: "Our ground rules" };

function Lines({ lines, ordered = false }: { lines: readonly string[]; ordered?: boolean }) {
  const items = lines.map((line, index) => <li key={`${index}:${line}`}>{line}</li>);
  if (lines.length === 0) return <p className="text-stone-600 dark:text-stone-400">None: straight to the agenda.</p>;
  return ordered ? <ol className="list-decimal space-y-1 pl-6">{items}</ol> : <ul className="list-disc space-y-1 pl-6">{items}</ul>;
}

export default async function GroundRulesPage() {
  const access = await requireAccess();
  if (!(await getMyCouple(access))) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Our ground rules</h1>
        <p>
          Ground rules are agreed by two. <Link href="/couple">Invite your partner</Link> first.
        </p>
      </div>
    );
  }
  const guide = await getConversationGuide(access);
  const proposal = guide.proposal;
  return (
    <div className="space-y-6">
      <ConversationNav current="/conversation/rules" />
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Our ground rules</h1>
        <p className="text-stone-700 dark:text-stone-300">
          How the two of you want to talk, and how you like to open. Either of you can propose a change; it takes effect when the
          other accepts it. Until then, what you agreed stands.
        </p>
      </div>

      <section aria-labelledby="agreed" className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
        <h2 id="agreed" className="text-lg font-semibold">
          {guide.agreedAt ? "What we agreed" : "Where we start (the app's suggestion until you change it together)"}
        </h2>
        <Lines lines={guide.rules} />
        <h3 className="font-medium">We open with</h3>
        <Lines lines={guide.steps} ordered />
        <p className="text-sm text-stone-700 dark:text-stone-300">Then the agenda, one item at a time: understood before it is solved.</p>
      </section>

      {proposal ? (
        <section aria-labelledby="proposal" className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950">
          <h2 id="proposal" className="text-lg font-semibold">
            {proposal.byMe ? `Your proposal, waiting for ${guide.partnerName}` : `${guide.partnerName} proposes a change`}
          </h2>
          <Lines lines={proposal.rules} />
          <h3 className="font-medium">Opening with</h3>
          <Lines lines={proposal.steps} ordered />
          <div className="grid gap-3 sm:grid-cols-2">
            {proposal.byMe ? null : (
              <ActionForm action={acceptGuideAction} hidden={{ seenAt: proposal.proposedAt.toISOString() }} submitLabel="Accept, for both of us" pendingLabel="Accepting…" />
            )}
            <ActionForm
              action={dropGuideProposalAction}
              submitLabel={proposal.byMe ? "Withdraw my proposal" : "Keep what we had"}
              pendingLabel="Dropping…"
              tone="secondary"
            />
          </div>
        </section>
      ) : null}

      <section aria-labelledby="propose" className="space-y-3 rounded-xl border border-stone-200 p-4 dark:border-stone-800">
        <h2 id="propose" className="text-lg font-semibold">
          Propose a change
        </h2>
        <ActionForm action={proposeGuideAction} submitLabel="Propose to my partner" pendingLabel="Proposing…" tone="secondary">
          <TextAreaField
            name="rules"
            label="Ground rules, one a line"
            rows={5}
            defaultValue={(proposal?.byMe ? proposal.rules : guide.rules).join("\n")}
            hint={`Up to ${CONVERSATION_LIMITS.guideLines} lines.`}
          />
          <TextAreaField
            name="steps"
            label="How we open, one step a line (leave empty to go straight to the agenda)"
            rows={3}
            defaultValue={(proposal?.byMe ? proposal.steps : guide.steps).join("\n")}
          />
        </ActionForm>
      </section>
      <LiveRefresh everyMs={10000} />
    </div>
  );
}
