import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SharedItemCard, viewOfSnapshot } from "@/components/sharing/shared-item-card";
import { ActionForm } from "@/components/ui/action-form";
import { buttonClass } from "@/components/ui/button-class";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { TextAreaField } from "@/components/ui/field";
import { requireAccess, requireUser } from "@/lib/auth/session";
import { previewedDepthValue, sharePreviews, snapshotText } from "@/lib/consent/snapshot";
import { reviewTone, toneTriggers } from "@/lib/consent/tone-check";
import { ToneMarks } from "@/components/summaries/tone-marks";
import { DEPTHS, NO_OBLIGATION, REASONS_NOT_TO_SHARE, REFLECTION_QUESTIONS } from "@/lib/content/guidance";
import { SHARE_INTENTS } from "@/lib/content/receiving";
import { getMyCouple } from "@/lib/data/couples";
import { getSummary } from "@/lib/data/summaries";
import { SUMMARY_LIMITS } from "@/lib/validation/limits";
import { shareSummaryAction } from "../../actions";

export const metadata: Metadata = { title: "Before you share" };

type Props = { params: Promise<{ id: string }> };

/** The reflection step (C6): a pause, a preview of exactly what the partner will read, and a free choice. */
export default async function ShareSummaryPage({ params }: Props) {
  const access = await requireAccess();
  const { id } = await params;
  const [me, summary, couple] = await Promise.all([requireUser(), getSummary(access, id), getMyCouple(access)]);
  if (!summary) notFound();
  const back = (
    <p className="text-sm">
      <Link href={`/summaries/${summary.id}`}>← Back to the summary</Link>
    </p>
  );
  if (!couple?.partner) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-2xl font-semibold">Before you share</h1>
        <p>
          You are not linked with a partner yet. <Link href="/couple">Link up first</Link>; linking shares nothing by itself.
        </p>
      </div>
    );
  }
  // Every depth's snapshot is rendered; CSS shows the one whose depth is checked (app/globals.css).
  const previews = sharePreviews(summary).map((preview) => ({ ...preview, tone: reviewTone(snapshotText(preview.snapshot)), triggers: toneTriggers(snapshotText(preview.snapshot)) }));
  return (
    <div className="space-y-6" data-share-step>
      {back}
      <h1 className="text-2xl font-semibold">Before you share with {couple.partner.displayName}</h1>
      <p className="text-stone-700 dark:text-stone-300">
        Take a moment. Sharing is always your choice, and so is not sharing. {NO_OBLIGATION}
      </p>

      <section className="space-y-2" aria-labelledby="share-preview-heading">
        <h2 id="share-preview-heading" className="text-lg font-semibold">
          What {couple.partner.displayName} will see
        </h2>
        {previews.map((preview) => (
          <div key={preview.depth} data-depth-preview={preview.depth}>
            <SharedItemCard authorName={me.displayName} item={viewOfSnapshot(preview.snapshot)} previewEveryIntent />
          </div>
        ))}
        <p data-no-depth-chosen className="text-sm">
          Choose below how much you want to share to see exactly what {couple.partner.displayName} will read.
        </p>
        <p className="text-sm text-stone-600 dark:text-stone-400">
          This follows your choices below of how much to share and what you ask of {couple.partner.displayName}, and it
          is exactly what sharing records: these words as they are now. If you edit the summary later, they keep seeing this version until you share again. They never
          see your private note, or that it exists.
        </p>
      </section>

      {previews.map(({ depth, tone, triggers }) =>
        tone.suggest ? (
          <section
            key={depth}
            data-depth-preview={depth}
            role="note"
            className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-50"
          >
            <h2 className="font-semibold">A gentle suggestion</h2>
            <p>{tone.suggestion}</p>
            <ToneMarks triggers={triggers} />
            <p className="text-sm">
              <Link href={`/summaries/${summary.id}/edit?then=share`}>Rephrase it</Link>, or share it as it is: it is up to you.
            </p>
          </section>
        ) : null,
      )}

      <details className="rounded-xl border border-stone-200 p-4 text-sm dark:border-stone-800">
        <summary className="cursor-pointer font-medium">Good reasons not to share (yet)</summary>
        <ul className="mt-2 space-y-2">
          {REASONS_NOT_TO_SHARE.map((reason) => (
            <li key={reason.label}>
              <span className="font-medium">{reason.label}.</span> {reason.hint}
            </li>
          ))}
        </ul>
      </details>

      <ActionForm
        action={shareSummaryAction}
        hidden={{ summaryId: summary.id }}
        submitLabel={`Share with ${couple.partner.displayName}`}
        pendingLabel="Sharing…"
        className="space-y-5"
        beside={
          <Link href={`/summaries/${summary.id}?kept=1`} className={`${buttonClass("secondary")} no-underline hover:no-underline`}>
            Not now, keep it private
          </Link>
        }
      >
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">Pause for a moment. Tick each one only if it is true for you.</legend>
          {(["ownChoice", "aboutMe"] as const).map((question) => (
            <CheckboxField
              key={question}
              name={question}
              value="yes"
              label={<span className="font-medium">{REFLECTION_QUESTIONS[question].label}</span>}
              hint={REFLECTION_QUESTIONS[question].hint}
              className="flex items-start gap-3 rounded-lg border border-stone-200 p-3 text-sm dark:border-stone-700"
            />
          ))}
        </fieldset>
        <ChoiceGroup
          name="depth"
          legend={`${REFLECTION_QUESTIONS.howMuch.label} ${REFLECTION_QUESTIONS.howMuch.hint}`}
          type="radio"
          choices={DEPTHS}
          postedValues={Object.fromEntries(previews.map((preview) => [preview.depth, previewedDepthValue(preview)]))}
          selected={summary.depth}
        />
        <ChoiceGroup
          name="intent"
          legend={`What would you like ${couple.partner.displayName} to do with it?`}
          hint="Sharing is not the same as asking to talk. Either way, you alone decide whether it goes on the agenda."
          type="radio"
          choices={SHARE_INTENTS}
          selected="JUST_SO_YOU_KNOW"
        />
        <TextAreaField
          name="reflectionNote"
          label="A note to yourself (optional, never shown to your partner)"
          rows={2}
          maxLength={SUMMARY_LIMITS.reflectionNote}
        />
      </ActionForm>
    </div>
  );
}
