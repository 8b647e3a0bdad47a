import type { ReactNode } from "react";
import { depthSentence, FRAMINGS, RESPONSE_WISHES, SHARE_REASONS } from "@/lib/content/guidance";
import { SHARE_INTENTS } from "@/lib/content/receiving";
import type { ResponseWish, ShareIntent, ShareReason, SummaryDepth, SummaryFraming } from "@/lib/generated/prisma/enums";

export type SharedItemView = {
  title: string;
  body: string | null;
  depth: string;
  framing: string;
  whyReasons: string[];
  whyText: string | null;
  responseWish: string | null;
  /** What the author asks of the partner (C11); null for a draft that is not being shared. */
  intent: string | null;
};

type SharedItemCardProps = {
  item: SharedItemView;
  /** The share step: the sentence for every intent, each shown by CSS while its choice is checked (app/globals.css). */
  previewEveryIntent?: boolean;
  /** Who shared it, named in the sentence that says how much they shared. */
  authorName: string;
  byline?: ReactNode;
  footer?: ReactNode;
};

/** A shared item exactly as the partner reads it: the same component draws the author's preview. */
export function SharedItemCard({ item, authorName, previewEveryIntent, byline, footer }: SharedItemCardProps) {
  const framing = FRAMINGS[item.framing as SummaryFraming];
  const wish = item.responseWish ? RESPONSE_WISHES[item.responseWish as ResponseWish] : null;
  return (
    // Styled by short classes (app/globals.css): a full shared view draws 200 of these.
    <article className="shared-card">
      {byline ? <p className="text-sm text-stone-600 dark:text-stone-400">{byline}</p> : null}
      {/* The words themselves, the same on the author's preview and the partner's view (e2e compares them). */}
      <div className="space-y-3" data-shared-words>
        <p className="text-sm text-stone-700 dark:text-stone-300">{depthSentence(authorName, item.depth as SummaryDepth)}</p>
        {previewEveryIntent
          ? (Object.keys(SHARE_INTENTS) as ShareIntent[]).map((intent) => (
              <p key={intent} data-intent-preview={intent} className="font-medium">
                {SHARE_INTENTS[intent].sentence(authorName)}
              </p>
            ))
          : item.intent && item.intent in SHARE_INTENTS ? (
              <p className="font-medium">{SHARE_INTENTS[item.intent as ShareIntent].sentence(authorName)}</p>
            ) : null}
        <h3 className="text-lg font-semibold">{item.title}</h3>
        <div className="flex flex-wrap gap-2 text-xs empty:hidden">
          {item.framing === "THERAPY_WORK" && framing ? (
            <span className="pill pill-framing">{framing.label}</span>
          ) : null}
          {wish ? (
            <span className="pill pill-wish">{`How to respond: ${wish.label}`}</span>
          ) : null}
        </div>
        {item.body ? <p className="whitespace-pre-wrap leading-relaxed">{item.body}</p> : null}
        {item.whyReasons.length || item.whyText ? (
          <div className="text-sm text-stone-700 dark:text-stone-300">
            <p className="font-medium">Why I wanted to share this</p>
            {item.whyReasons.length ? (
              <ul className="list-disc pl-5">
                {item.whyReasons.map((reason) => (
                  <li key={reason}>{SHARE_REASONS[reason as ShareReason]?.label}</li>
                ))}
              </ul>
            ) : null}
            {item.whyText ? <p className="mt-1 whitespace-pre-wrap">{item.whyText}</p> : null}
          </div>
        ) : null}
      </div>
      {footer}
    </article>
  );
}

/** The partner-facing view of a snapshot's stored fields. */
export function viewOfSnapshot(snapshot: {
  sharedTitle: string;
  sharedBody: string | null;
  sharedDepth: string;
  sharedFraming: string;
  sharedWhyReasons: string[];
  sharedWhyText: string | null;
  sharedResponseWish: string | null;
  sharedIntent: string;
}): SharedItemView {
  return {
    title: snapshot.sharedTitle,
    body: snapshot.sharedBody,
    depth: snapshot.sharedDepth,
    framing: snapshot.sharedFraming,
    whyReasons: snapshot.sharedWhyReasons,
    whyText: snapshot.sharedWhyText,
    responseWish: snapshot.sharedResponseWish,
    intent: snapshot.sharedIntent,
  };
}
