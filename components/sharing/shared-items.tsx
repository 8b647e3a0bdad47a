"use client";

import Link from "next/link";
import { addSharedToPlanAction, answerTalkRequestAction, askToTalkAction, replyAction } from "@/app/shared/actions";
import { FormAlert } from "@/components/ui/form-alert";
import { useItemChange, type ItemChange } from "@/components/ui/use-item-change";
import { PARTNER_REPLIES, RECEIVE_BY_WISH, RECEIVING_DONTS, TALK_REQUEST_KEPT } from "@/lib/content/receiving";
import type { SharedItem } from "@/lib/data/consent";
import type { PartnerReply, ResponseWish } from "@/lib/generated/prisma/enums";
import { SharedItemCard } from "./shared-item-card";

type ItemButton = "add" | "ask" | "accept" | "decline" | PartnerReply;

const REPLIES = Object.entries(PARTNER_REPLIES) as [PartnerReply, string][];

const BUTTONS: Record<Exclude<ItemButton, PartnerReply>, { action: ItemChange["action"]; label: string; pending: string; fields?: Record<string, string> }> = {
  add: { action: addSharedToPlanAction, label: "Add to our plan", pending: "Adding…" },
  ask: { action: askToTalkAction, label: "Ask to talk about this", pending: "Asking…" },
  accept: { action: answerTalkRequestAction, label: "Put it on the agenda", pending: "Saving…", fields: { answer: "accept" } },
  decline: { action: answerTalkRequestAction, label: "Keep it as just so you know", pending: "Saving…", fields: { answer: "decline" } },
};

/** How to receive this one item: its author's response wish in practice, and the few things not to do. */
function HowToReceive({ wish }: { wish: string | null }) {
  return (
    <div className="shared-receive">
      <p>{RECEIVE_BY_WISH[(wish as ResponseWish | null) ?? "NONE"] ?? RECEIVE_BY_WISH.NONE}</p>
      <ul>
        {RECEIVING_DONTS.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** Where the item stands on the agenda, as the partner may know it (C11): the author decides, and never explains. */
function partnersAgendaLine(item: SharedItem): string | null {
  if (item.onPlan) return `On your agenda. ${item.authorName} decides when it is discussed.`;
  if (item.talk === "asked") return `You asked to talk about this. It is ${item.authorName}'s choice.`;
  if (item.talk === "answered") return TALK_REQUEST_KEPT(item.authorName);
  if (item.talk === "can-ask") return null;
  return `Not on the agenda right now. ${item.authorName} decides when it goes there.`;
}

/**
 * One side of the shared view, drawn in the browser from its data: what the partner shared
 * (each with how to receive it, a warm reply, and a way to ask to talk about it), or what I
 * shared (each links back to its summary; I alone put it on the plan and answer a request to
 * talk). The buttons act through one hook (components/ui/use-item-change.ts) rather than a
 * form per button, and after a change focus stays where it was.
 */
export function SharedItems({ items, from, partnerName, myName }: { items: SharedItem[]; from: "partner" | "me"; partnerName: string; myName: string }) {
  const { outcome, isRunning, run } = useItemChange(() => undefined);
  const failedOn = outcome.state.status === "error" ? outcome.change?.itemId : null;
  // The card styles its buttons (.shared-card button in app/globals.css): 200 cards, up to four each.
  const button = (name: Exclude<ItemButton, PartnerReply>, consentId: string) => (
    <button
      type="button"
      aria-disabled={isRunning(name, consentId) || undefined}
      onClick={() => run({ button: name, itemId: consentId, action: BUTTONS[name].action, fields: { consentId, ...BUTTONS[name].fields } })}
    >
      {isRunning(name, consentId) ? BUTTONS[name].pending : BUTTONS[name].label}
    </button>
  );
  const replyButtons = (consentId: string) => (
    <div role="group" aria-labelledby={`reply-${consentId}`} className="shared-replies">
      <p id={`reply-${consentId}`}>
        {`Reply to ${partnerName}, if you like. ${partnerName} will see your reply.`}
      </p>
      <div>
        {REPLIES.map(([reply, words]) => (
          <button
            key={reply}
            type="button"
            aria-disabled={isRunning(reply, consentId) || undefined}
            onClick={() => run({ button: reply, itemId: consentId, action: replyAction, fields: { consentId, reply } })}
          >
            {isRunning(reply, consentId) ? "Sending…" : words}
          </button>
        ))}
      </div>
    </div>
  );
  return items.map((item) => (
    <SharedItemCard
      key={item.consentId}
      item={item}
      authorName={from === "partner" ? item.authorName : myName}
      byline={from === "me" && item.reply ? `${partnerName} replied: “${PARTNER_REPLIES[item.reply]}”` : undefined}
      footer={
        <div className="shared-footer">
          {from === "partner" ? (
            <>
              <HowToReceive wish={item.responseWish} />
              {item.reply ? (
                <p className="shared-replied">{`You replied: “${PARTNER_REPLIES[item.reply]}” ${partnerName} can see your reply.`}</p>
              ) : (
                replyButtons(item.consentId)
              )}
              {item.talk === "can-ask" ? (
                <div className="shared-row">
                  {button("ask", item.consentId)}
                  <span className="shared-hint">{`${partnerName} decides, with no reason needed.`}</span>
                </div>
              ) : (
                <p>{partnersAgendaLine(item)}</p>
              )}
            </>
          ) : (
            <>
              {item.talk === "ASKED" ? (
                <div role="group" aria-labelledby={`asked-${item.consentId}`} className="shared-asked">
                  <p id={`asked-${item.consentId}`}>
                    {`${partnerName} asked to talk about this. It is your choice, and you do not need to give a reason.`}
                  </p>
                  <div>
                    {button("accept", item.consentId)}
                    {button("decline", item.consentId)}
                  </div>
                </div>
              ) : null}
              <div className="shared-row">
                {item.summaryId ? <Link href={`/summaries/${item.summaryId}`}>Edit or unshare</Link> : null}
                {item.onPlan ? <span>On your plan.</span> : item.talk === "ASKED" ? null : button("add", item.consentId)}
              </div>
            </>
          )}
          {failedOn === item.consentId ? <FormAlert state={outcome.state} /> : null}
        </div>
      }
    />
  ));
}
