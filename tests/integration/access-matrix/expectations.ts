/**
 * The expected result of each cell, shared by the data-layer, action and page matrices so the
 * three read alike. The rules, in short: the author reads and changes their own items; the
 * partner reads exactly the active snapshot of a shared item (never the note, the draft, the
 * edited text, a withdrawn item, or anything once the couple has ended) and may reply to it or
 * ask to talk about it only while it is shared; only the author puts it on the plan, takes it
 * off, marks it discussed or answers a request to talk (C11); a stranger gets nothing.
 */
import { NOTHING, SIGN_IN, shows, type ReadExpectation, type WriteExpectation } from "../../support/access-matrix";
import { SECRET_NAMES, SNAPSHOT, isActive, type Actor, type ItemState } from "../../support/consent-world";

/** The author's own export: every secret of theirs that exists in the state. */
export const EVERYTHING_OF_THE_AUTHORS = shows(...SECRET_NAMES);

/** A signed-out visitor is sent to sign in from every page and action. */
export function signedOutSignsIn<E>(expected: (actor: Actor, state: ItemState) => E, signIn: E) {
  return (actor: Actor, state: ItemState): E => (actor === "signed-out" ? signIn : expected(actor, state));
}

/** Everything the author's own summary view holds: current text, the active snapshot, the private label, and the note it came from. */
export function summaryAsAuthorReadsIt(state: ItemState): ReadExpectation {
  if (state === "private note") return NOTHING;
  const current = state === "edited after sharing" ? (["editedTitle", "editedBody"] as const) : SNAPSHOT;
  return shows(...current, ...SNAPSHOT, "privateLabel", "noteTitle", "noteId", "summaryId");
}

/** The author's list of summaries: each one's current title and private label, and the way to it. */
export function summaryInTheAuthorsList(state: ItemState): ReadExpectation {
  if (state === "private note") return NOTHING;
  return shows(state === "edited after sharing" ? "editedTitle" : "draftTitle", "privateLabel", "summaryId");
}

/** The couple's shared view (and the plan): the snapshot while shared; the author also gets the way back to their summary. */
export function sharedView(actor: Actor, state: ItemState): ReadExpectation {
  if (actor === "signed-out") return SIGN_IN;
  if (!isActive(state) || actor === "stranger") return NOTHING;
  return actor === "author" ? shows(...SNAPSHOT, "summaryId") : shows(...SNAPSHOT);
}

/** The author's sharing history: every consent ever granted, with the reflection note. */
export function historyOf(state: ItemState): ReadExpectation {
  return state === "private note" || state === "draft summary" ? NOTHING : shows("draftTitle", "summaryId", "reflectionNote");
}

export function share(actor: Actor, state: ItemState): WriteExpectation {
  if (actor === "signed-out") return "sign-in";
  if (actor !== "author") return "refused";
  if (state === "shared summary") return "no-op";
  return state === "draft summary" || state === "withdrawn summary" || state === "edited after sharing" ? "changes" : "refused";
}

export function unshare(actor: Actor, state: ItemState): WriteExpectation {
  if (actor === "signed-out") return "sign-in";
  return actor === "author" && isActive(state) ? "changes" : "refused";
}

/** Only the partner replies to a shared item or asks to talk about it, and only while it is shared. */
export function partnerWhileShared(actor: Actor, state: ItemState): WriteExpectation {
  if (actor === "signed-out") return "sign-in";
  return actor === "partner" && isActive(state) ? "changes" : "refused";
}

/** Where a disclosure goes (C11): its author alone, only while it is shared. */
export function authorWhileShared(actor: Actor, state: ItemState): WriteExpectation {
  if (actor === "signed-out") return "sign-in";
  return actor === "author" && isActive(state) ? "changes" : "refused";
}

/** The agenda's order: either partner, while the item is on it. */
export function eitherPartnerWhileShared(actor: Actor, state: ItemState): WriteExpectation {
  if (actor === "signed-out") return "sign-in";
  return (actor === "author" || actor === "partner") && isActive(state) ? "changes" : "refused";
}
