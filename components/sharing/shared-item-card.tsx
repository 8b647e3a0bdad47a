import type { ReactNode } from "react";
import { depthSentence, FRAMINGS, RESPONSE_WISHES, SHARE_REASONS } from "@/lib/content/guidance";
import { SHARE_INTENTS } from "@/lib/content/receiving";
import type { ResponseWish, ShareIntent, ShareReason, SummaryDepth } from "@/lib/generated/prisma/enums";

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
  // Only work from therapy gets a label on the card.
  const therapyWork = item.framing === "THERAPY_WORK" ? FRAMINGS.THERAPY_WORK : null;
  const wish = item.responseWish ? RESPONSE_WISHES[item.responseWish as ResponseWish] : null;
  return (
    // Styled by short classes (app/globals.css): a full shared view draws 200 of these.
    <article className="shared-card">
      {byline ? <p className="shared-byline">{byline}</p> : null}
      {/* The words themselves, the same on the author's preview and the partner's view (e2e compares them). */}
      <div className="shared-words" data-shared-words>
        <p className="shared-depth">{depthSentence(authorName, item.depth as SummaryDepth)}</p>
        {previewEveryIntent
          ? (Object.keys(SHARE_INTENTS) as ShareIntent[]).map((intent) => (
              <p key={intent} data-intent-preview={intent} className="shared-intent">
                {SHARE_INTENTS[intent].sentence(authorName)}
              </p>
            ))
          : item.intent && item.intent in SHARE_INTENTS ? (
              <p className="shared-intent">{SHARE_INTENTS[item.intent as ShareIntent].sentence(authorName)}</p>
            ) : null}
        <h3>{item.title}</h3>
        {therapyWork || wish ? (
          <div className="shared-pills">
            {therapyWork ? <span className="pill pill-framing">{therapyWork.label}</span> : null}
            {wish ? <span className="pill pill-wish">{`How to respond: ${wish.label}`}</span> : null}
          </div>
        ) : null}
        {item.body ? <p className="shared-body">{item.body}</p> : null}
        {item.whyReasons.length || item.whyText ? (
          <div className="shared-why">
            <p>Why I wanted to share this</p>
            {item.whyReasons.length ? (
              <ul>
                {item.whyReasons.map((reason) => (
                  <li key={reason}>{SHARE_REASONS[reason as ShareReason]?.label}</li>
                ))}
              </ul>
            ) : null}
            {item.whyText ? <p>{item.whyText}</p> : null}
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
