/**
 * The server actions of the access matrix: every action that changes an item, called as a
 * form post would call it. actions.test.ts runs them for the author, the partner, a stranger
 * and a signed-out visitor, in every item state; entry-points.test.ts checks that every
 * page, route handler and server action of app/ is in the matrix.
 */
import { deleteReflectionAction, markDiscussedAction, setForNextSessionAction } from "@/app/conversation/actions";
import { discardDraftAction } from "@/app/drafts/actions";
import { deleteNoteAction, updateNoteAction } from "@/app/notes/actions";
import { addSharedItemAction, moveItemAction, removeItemAction, setDiscussedAction } from "@/app/plan/actions";
import { addSharedToPlanAction, answerTalkRequestAction, askToTalkAction, replyAction } from "@/app/shared/actions";
import {
  createSummaryAction,
  deleteSummaryAction,
  shareSummaryAction,
  unshareSummaryAction,
  updateSummaryAction,
} from "@/app/summaries/actions";
import type { FormState } from "@/lib/actions/form-state";
import type { Db } from "@/lib/db/types";
import { postForm, type Call, type WriteEntry, type WriteExpectation } from "../../support/access-matrix";
import { isActive, type Actor, type ItemState, type World } from "../../support/consent-world";
import { authorsReflection, conversationAtSharedItem, reflectionTarget } from "../../support/conversation-world";
import { postedDepthFor } from "../../support/share";
import { accessFor } from "../../support/users";
import * as expectations from "./expectations";

function summaryFields(world: World, title: string) {
  return { title, body: "A few lines about me.", depth: "BRIEF", framing: "THERAPY_WORK", whyReasons: ["FEEL_CLOSER"], responseWish: "JUST_LISTEN", noteId: world.noteId };
}

const noteTitle = (db: Db, _world: World, id: string) => db.note.findUnique({ where: { id }, select: { title: true } });
const summaryTitle = (db: Db, _world: World, id: string) => db.summary.findUnique({ where: { id }, select: { title: true } });
const activeConsent = (db: Db, _world: World, summaryId: string) =>
  db.shareConsent.findFirst({ where: { summaryId, withdrawnAt: null }, select: { id: true } });
const planItem = (db: Db, _world: World, id: string) => db.planItem.findUnique({ where: { id }, select: { discussedAt: true, position: true } });
const onPlan = (db: Db, _world: World, consentId: string) => db.planItem.findUnique({ where: { consentId }, select: { id: true } });
const talkRequest = (db: Db, _world: World, id: string) => db.shareConsent.findUnique({ where: { id }, select: { talkRequest: true } });

const authorOnly = expectations.signedOutSignsIn((actor): WriteExpectation => (actor === "author" ? "changes" : "refused"), "sign-in");
const authorsSummary = expectations.signedOutSignsIn(
  (actor: Actor, state: ItemState): WriteExpectation => (actor === "author" && state !== "private note" ? "changes" : "refused"),
  "sign-in",
);

const plan = (action: (previous: FormState, form: FormData) => Promise<FormState>, extra: Record<string, string> = {}) => (call: Call) =>
  postForm(action, { itemId: call.target, ...extra });

export const ACTION_ENTRIES: readonly WriteEntry[] = [
  {
    name: "updateNoteAction",
    entryPoint: "app/notes/actions.ts updateNoteAction",
    target: "note",
    run: (call) => postForm(updateNoteAction, { id: call.target, title: "Changed", body: "Changed" }),
    expected: authorOnly,
    effect: noteTitle,
  },
  {
    name: "deleteNoteAction",
    entryPoint: "app/notes/actions.ts deleteNoteAction",
    target: "note",
    run: (call) => postForm(deleteNoteAction, { id: call.target }),
    expected: authorOnly,
    effect: noteTitle,
  },
  {
    name: "discardDraftAction (an edit to the note)",
    entryPoint: "app/drafts/actions.ts discardDraftAction",
    target: "note",
    run: (call) => postForm(discardDraftAction, { target: `note:${call.target}` }),
    expected: authorOnly,
    effect: (db, _world, noteId) => db.draft.findMany({ where: { target: `note:${noteId}` }, select: { id: true } }),
  },
  {
    name: "createSummaryAction from the note",
    entryPoint: "app/summaries/actions.ts createSummaryAction",
    target: "note",
    run: (call) => postForm(createSummaryAction, { ...summaryFields(call.world, "From my note"), noteId: call.target }),
    expected: authorOnly,
    effect: (db, world) => db.summary.count({ where: { authorId: world.author.id } }),
  },
  {
    name: "updateSummaryAction",
    entryPoint: "app/summaries/actions.ts updateSummaryAction",
    target: "summary",
    // Without the note, so only the summary's own ownership check stands between a forger and the row.
    run: (call) => postForm(updateSummaryAction, { ...summaryFields(call.world, "Changed"), noteId: "", id: call.target }),
    expected: authorsSummary,
    effect: summaryTitle,
  },
  {
    name: "deleteSummaryAction",
    entryPoint: "app/summaries/actions.ts deleteSummaryAction",
    target: "summary",
    run: (call) => postForm(deleteSummaryAction, { id: call.target }),
    expected: authorsSummary,
    effect: summaryTitle,
  },
  {
    name: "shareSummaryAction",
    entryPoint: "app/summaries/actions.ts shareSummaryAction",
    target: "summary",
    // The depth as the author's own share step would post it: only who is asking can make it fail.
    run: async (call) => {
      const depth = await postedDepthFor(accessFor(call.db, call.world.author), call.target, "BRIEF");
      return postForm(shareSummaryAction, { summaryId: call.target, ownChoice: "yes", aboutMe: "yes", depth });
    },
    expected: expectations.share,
    effect: activeConsent,
  },
  {
    name: "unshareSummaryAction",
    entryPoint: "app/summaries/actions.ts unshareSummaryAction",
    target: "summary",
    run: (call) => postForm(unshareSummaryAction, { summaryId: call.target }),
    expected: expectations.unshare,
    effect: activeConsent,
  },
  {
    name: "replyAction",
    entryPoint: "app/shared/actions.ts replyAction",
    target: "consent",
    run: (call) => postForm(replyAction, { consentId: call.target, reply: "THANK_YOU" }),
    expected: expectations.partnerWhileShared,
    effect: (db, _world, id) => db.shareConsent.findUnique({ where: { id }, select: { reply: true, repliedAt: true } }),
  },
  {
    name: "askToTalkAction",
    entryPoint: "app/shared/actions.ts askToTalkAction",
    target: "consent",
    worldOptions: { sharedOnPlan: false },
    run: (call) => postForm(askToTalkAction, { consentId: call.target }),
    expected: expectations.partnerWhileShared,
    effect: talkRequest,
  },
  {
    name: "answerTalkRequestAction",
    entryPoint: "app/shared/actions.ts answerTalkRequestAction",
    target: "consent",
    worldOptions: { talkRequested: true },
    run: (call) => postForm(answerTalkRequestAction, { consentId: call.target, answer: "decline" }),
    expected: expectations.authorWhileShared,
    effect: talkRequest,
  },
  {
    name: "addSharedToPlanAction (shared view)",
    entryPoint: "app/shared/actions.ts addSharedToPlanAction",
    target: "consent",
    worldOptions: { sharedOnPlan: false },
    run: (call) => postForm(addSharedToPlanAction, { consentId: call.target }),
    expected: expectations.authorWhileShared,
    effect: onPlan,
  },
  {
    name: "addSharedItemAction (plan page)",
    entryPoint: "app/plan/actions.ts addSharedItemAction",
    target: "consent",
    worldOptions: { sharedOnPlan: false },
    run: (call) => postForm(addSharedItemAction, { consentId: call.target }),
    expected: expectations.authorWhileShared,
    effect: onPlan,
  },
  {
    name: "setDiscussedAction",
    entryPoint: "app/plan/actions.ts setDiscussedAction",
    target: "plan item",
    run: plan(setDiscussedAction, { discussed: "yes" }),
    expected: expectations.authorWhileShared,
    effect: planItem,
  },
  {
    name: "moveItemAction",
    entryPoint: "app/plan/actions.ts moveItemAction",
    target: "plan item",
    run: plan(moveItemAction, { direction: "up" }),
    expected: expectations.eitherPartnerWhileShared,
    effect: planItem,
  },
  {
    name: "removeItemAction",
    entryPoint: "app/plan/actions.ts removeItemAction",
    target: "plan item",
    run: plan(removeItemAction),
    expected: expectations.authorWhileShared,
    effect: planItem,
  },
  {
    name: "markDiscussedAction (the conversation)",
    entryPoint: "app/conversation/actions.ts markDiscussedAction",
    target: "plan item",
    run: async (call) => {
      await conversationAtSharedItem(call);
      return postForm(markDiscussedAction, { itemId: call.target });
    },
    // SPEC C11: only the author marks their shared item discussed, and only while it is shared.
    expected: expectations.signedOutSignsIn((actor, state): WriteExpectation => (actor === "author" && isActive(state) ? "changes" : "refused"), "sign-in"),
    effect: planItem,
  },
  {
    name: "setForNextSessionAction (a private reflection)",
    entryPoint: "app/conversation/actions.ts setForNextSessionAction",
    target: "none",
    run: async (call) => postForm(setForNextSessionAction, { reflectionId: await reflectionTarget(call), forNextSession: "no" }),
    expected: authorOnly,
    effect: async (db, world) => (await db.conversationReflection.findUniqueOrThrow({ where: { id: (await authorsReflection(db, world)).id } })).forNextSession,
  },
  {
    name: "deleteReflectionAction (a private reflection)",
    entryPoint: "app/conversation/actions.ts deleteReflectionAction",
    target: "none",
    run: async (call) => postForm(deleteReflectionAction, { reflectionId: await reflectionTarget(call) }),
    expected: authorOnly,
    // Deleted: the next look finds none and writes a new one, with a new id.
    effect: async (db, world) => (await authorsReflection(db, world)).id,
  },
];
