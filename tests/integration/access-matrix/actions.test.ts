/**
 * Access matrix, server actions: every action that changes an item, called as a form post
 * would call it, for the author, the partner, a stranger and a signed-out visitor, in every
 * item state. Sessions are real (tests/support/browser.ts mints next-auth tokens); everything below them is real too.
 */
import { vi } from "vitest";
import { deleteNoteAction, updateNoteAction } from "@/app/notes/actions";
import { addSharedItemAction, moveItemAction, removeItemAction, setDiscussedAction } from "@/app/plan/actions";
import { acknowledgeAction, addSharedToPlanAction } from "@/app/shared/actions";
import {
  createSummaryAction,
  deleteSummaryAction,
  shareSummaryAction,
  unshareSummaryAction,
  updateSummaryAction,
} from "@/app/summaries/actions";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import type { Db } from "@/lib/db/types";
import { actionResult, writeMatrix, type Call, type WriteExpectation } from "../../support/access-matrix";
import { ACTORS, type Actor, type ItemState, type World } from "../../support/consent-world";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { postedDepthFor } from "../../support/share";
import { accessFor } from "../../support/users";
import * as expectations from "./expectations";

vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();
const db = () => t.db;

function post(action: (previous: FormState, form: FormData) => Promise<FormState>, fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) form.append(name, one);
  return actionResult(() => action(IDLE, form));
}

function summaryFields(world: World, title: string) {
  return { title, body: "A few lines about me.", depth: "BRIEF", framing: "THERAPY_WORK", whyReasons: ["FEEL_CLOSER"], responseWish: "JUST_LISTEN", noteId: world.noteId };
}

const noteTitle = (db: Db, _world: World, id: string) => db.note.findUnique({ where: { id }, select: { title: true } });
const summaryTitle = (db: Db, _world: World, id: string) => db.summary.findUnique({ where: { id }, select: { title: true } });
const activeConsent = (db: Db, _world: World, summaryId: string) =>
  db.shareConsent.findFirst({ where: { summaryId, withdrawnAt: null }, select: { id: true } });
const planItem = (db: Db, _world: World, id: string) => db.planItem.findUnique({ where: { id }, select: { discussedAt: true, position: true } });
const onPlan = (db: Db, _world: World, consentId: string) => db.planItem.findUnique({ where: { consentId }, select: { id: true } });

const authorOnly = expectations.signedOutSignsIn((actor): WriteExpectation => (actor === "author" ? "changes" : "refused"), "sign-in");
const authorsSummary = expectations.signedOutSignsIn(
  (actor: Actor, state: ItemState): WriteExpectation => (actor === "author" && state !== "private note" ? "changes" : "refused"),
  "sign-in",
);

const plan = (action: (previous: FormState, form: FormData) => Promise<FormState>, extra: Record<string, string> = {}) => (call: Call) =>
  post(action, { itemId: call.target, ...extra });

writeMatrix({
  db,
  actors: ACTORS,
  entries: [
    {
      name: "updateNoteAction",
      target: "note",
      run: (call) => post(updateNoteAction, { id: call.target, title: "Changed", body: "Changed" }),
      expected: authorOnly,
      effect: noteTitle,
    },
    {
      name: "deleteNoteAction",
      target: "note",
      run: (call) => post(deleteNoteAction, { id: call.target }),
      expected: authorOnly,
      effect: noteTitle,
    },
    {
      name: "createSummaryAction from the note",
      target: "note",
      run: (call) => post(createSummaryAction, { ...summaryFields(call.world, "From my note"), noteId: call.target }),
      expected: authorOnly,
      effect: (db, world) => db.summary.count({ where: { authorId: world.author.id } }),
    },
    {
      name: "updateSummaryAction",
      target: "summary",
      // Without the note, so only the summary's own ownership check stands between a forger and the row.
      run: (call) => post(updateSummaryAction, { ...summaryFields(call.world, "Changed"), noteId: "", id: call.target }),
      expected: authorsSummary,
      effect: summaryTitle,
    },
    {
      name: "deleteSummaryAction",
      target: "summary",
      run: (call) => post(deleteSummaryAction, { id: call.target }),
      expected: authorsSummary,
      effect: summaryTitle,
    },
    {
      name: "shareSummaryAction",
      target: "summary",
      // The depth as the author's own share step would post it: only who is asking can make it fail.
      run: async (call) => {
        const depth = await postedDepthFor(accessFor(call.db, call.world.author), call.target, "BRIEF");
        return post(shareSummaryAction, { summaryId: call.target, ownChoice: "yes", aboutMe: "yes", depth });
      },
      expected: expectations.share,
      effect: activeConsent,
    },
    {
      name: "unshareSummaryAction",
      target: "summary",
      run: (call) => post(unshareSummaryAction, { summaryId: call.target }),
      expected: expectations.unshare,
      effect: activeConsent,
    },
    {
      name: "acknowledgeAction",
      target: "consent",
      run: (call) => post(acknowledgeAction, { consentId: call.target }),
      expected: expectations.acknowledge,
      effect: (db, _world, id) => db.shareConsent.findUnique({ where: { id }, select: { acknowledgedAt: true } }),
    },
    {
      name: "addSharedToPlanAction (shared view)",
      target: "consent",
      worldOptions: { sharedOnPlan: false },
      run: (call) => post(addSharedToPlanAction, { consentId: call.target }),
      expected: expectations.eitherPartnerWhileShared,
      effect: onPlan,
    },
    {
      name: "addSharedItemAction (plan page)",
      target: "consent",
      worldOptions: { sharedOnPlan: false },
      run: (call) => post(addSharedItemAction, { consentId: call.target }),
      expected: expectations.eitherPartnerWhileShared,
      effect: onPlan,
    },
    {
      name: "setDiscussedAction",
      target: "plan item",
      run: plan(setDiscussedAction, { discussed: "yes" }),
      expected: expectations.eitherPartnerWhileShared,
      effect: planItem,
    },
    {
      name: "moveItemAction",
      target: "plan item",
      run: plan(moveItemAction, { direction: "up" }),
      expected: expectations.eitherPartnerWhileShared,
      effect: planItem,
    },
    {
      name: "removeItemAction",
      target: "plan item",
      run: plan(removeItemAction),
      expected: expectations.eitherPartnerWhileShared,
      effect: planItem,
    },
  ],
});
