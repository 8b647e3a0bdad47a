/**
 * Access matrix, data layer: every function of lib/data that returns or changes an item, for
 * the author, the partner and a stranger, in every item state. (A signed-out visitor has no
 * Access to pass: the edges refuse them before the data layer; see the page, action and
 * route matrices.)
 */
import { afterAll, beforeAll } from "vitest";
import {
  answerTalkRequest,
  askToTalk,
  listMyConsentHistory,
  listSharedItems,
  replyToSharedItem,
  unshareSummary,
} from "@/lib/data/consent";
import { discardDraft, getDraft, listDraftsInFull, saveDraft } from "@/lib/data/drafts";
import { exportMyData } from "@/lib/data/export";
import { deleteNote, getNote, listNotes, listNotesInFull, updateNote } from "@/lib/data/notes";
import { addSharedItemToPlan, getPlan, moveItem, removeFromPlan, setDiscussed } from "@/lib/data/plan";
import { createSummary, deleteSummary, getSummary, listSummaries, listSummariesInFull, updateSummary } from "@/lib/data/summaries";
import type { Db } from "@/lib/db/types";
import type { SummaryDraft } from "@/lib/validation/draft";
import {
  NOTHING,
  NOT_FOUND,
  REFUSED,
  dataRead,
  dataWrite,
  readMatrix,
  shows,
  writeMatrix,
  type Call,
  type ReadExpectation,
  type WriteExpectation,
} from "../../support/access-matrix";
import { SIGNED_IN_ACTORS, SNAPSHOT, WHOLE_NOTE, isActive, type Actor, type ItemState } from "../../support/consent-world";
import { createTestDb, type TestDb } from "../../support/test-db";
import { accessFor } from "../../support/users";
import * as expectations from "./expectations";
import { shareAsPreviewed } from "../../support/share";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.close());
const db = () => t.db;

const as = ({ db, world, actor }: Call) => accessFor(db, world[actor as Exclude<Actor, "signed-out">]);

const onlyAuthor = (content: ReadExpectation, otherwise: ReadExpectation) => (actor: Actor) => (actor === "author" ? content : otherwise);

readMatrix({
  db,
  actors: SIGNED_IN_ACTORS,
  entries: [
    {
      name: "getNote",
      target: "note",
      run: (call) => dataRead(() => getNote(as(call), call.target)),
      expected: onlyAuthor(shows(...WHOLE_NOTE), NOT_FOUND),
    },
    {
      name: "listNotes",
      target: "none",
      run: (call) => dataRead(() => listNotes(as(call))),
      expected: onlyAuthor(shows("noteTitle", "noteWorkingOn", "noteId"), NOTHING),
    },
    {
      name: "listNotesInFull",
      target: "none",
      run: (call) => dataRead(() => listNotesInFull(as(call))),
      expected: onlyAuthor(shows(...WHOLE_NOTE), NOTHING),
    },
    {
      name: "getSummary",
      target: "summary",
      run: (call) => dataRead(() => getSummary(as(call), call.target)),
      expected: (actor, state) => (actor === "author" && state !== "private note" ? expectations.summaryAsAuthorReadsIt(state) : NOT_FOUND),
    },
    {
      name: "listSummaries",
      target: "none",
      run: (call) => dataRead(() => listSummaries(as(call))),
      expected: (actor, state) => (actor === "author" ? expectations.summaryInTheAuthorsList(state) : NOTHING),
    },
    {
      name: "listSummariesInFull",
      target: "none",
      run: (call) => dataRead(() => listSummariesInFull(as(call))),
      expected: (actor, state) => (actor === "author" ? expectations.summaryAsAuthorReadsIt(state) : NOTHING),
    },
    {
      name: "listSharedItems",
      target: "none",
      run: (call) => dataRead(() => listSharedItems(as(call))),
      expected: expectations.sharedView,
    },
    {
      name: "getPlan",
      target: "none",
      run: (call) => dataRead(() => getPlan(as(call))),
      // The stranger sees their own couple's plan; the couple that ended has none.
      expected: (actor, state) =>
        actor === "stranger" ? NOTHING : state === "after leaving the couple" ? REFUSED : isActive(state) ? shows(...SNAPSHOT) : NOTHING,
    },
    {
      name: "listMyConsentHistory",
      target: "none",
      run: (call) => dataRead(() => listMyConsentHistory(as(call))),
      expected: (actor, state) => (actor === "author" ? expectations.historyOf(state) : NOTHING),
    },
    {
      name: "getDraft of an edit to the note",
      target: "note",
      run: (call) => dataRead(() => getDraft(as(call), { kind: "note", id: call.target })),
      expected: onlyAuthor(shows("noteTitle", "noteBody", "noteWorkingOn", "draftWords"), NOT_FOUND),
    },
    {
      name: "getDraft of a summary from the note",
      target: "note",
      // Nobody has started one: the author gets nothing either, and nobody learns whether a draft exists.
      run: (call) => dataRead(() => getDraft(as(call), { kind: "new-summary", noteId: call.target })),
      expected: () => NOT_FOUND,
    },
    {
      name: "listDraftsInFull",
      target: "none",
      run: (call) => dataRead(() => listDraftsInFull(as(call))),
      expected: onlyAuthor(shows("noteTitle", "noteBody", "noteWorkingOn", "noteId", "draftWords"), NOTHING),
    },
    {
      name: "exportMyData",
      target: "none",
      run: (call) => dataRead(() => exportMyData(as(call))),
      expected: onlyAuthor(expectations.EVERYTHING_OF_THE_AUTHORS, NOTHING),
    },
  ],
});

const reflection = (summaryId: string) => ({ summaryId, ownChoice: "yes" as const, aboutMe: "yes" as const, depth: "BRIEF" as const, reflectionNote: null });

const effects = {
  noteTitle: (db: Db, _world: unknown, id: string) => db.note.findUnique({ where: { id }, select: { title: true } }),
  summaryTitle: (db: Db, _world: unknown, id: string) => db.summary.findUnique({ where: { id }, select: { title: true } }),
  activeConsent: (db: Db, _world: unknown, summaryId: string) =>
    db.shareConsent.findFirst({ where: { summaryId, withdrawnAt: null }, select: { id: true } }),
  reply: (db: Db, _world: unknown, id: string) => db.shareConsent.findUnique({ where: { id }, select: { reply: true, repliedAt: true } }),
  talkRequest: (db: Db, _world: unknown, id: string) => db.shareConsent.findUnique({ where: { id }, select: { talkRequest: true, planItem: { select: { id: true } } } }),
  onPlan: (db: Db, _world: unknown, consentId: string) => db.planItem.findUnique({ where: { consentId }, select: { id: true } }),
  planItem: (db: Db, _world: unknown, id: string) => db.planItem.findUnique({ where: { id }, select: { discussedAt: true, position: true } }),
  draftsOfTheNote: (db: Db, _world: unknown, noteId: string) =>
    db.draft.findMany({ where: { target: { in: [`note:${noteId}`, `summary:new:${noteId}`] } }, orderBy: { id: "asc" }, select: { id: true, fields: true } }),
};

const noteDraft = { title: "Changed", body: "Changed in a draft", workingOn: "", sessionDate: "" };
const summaryDraft: SummaryDraft = { privateLabel: "", title: "From the note", body: "", depth: "BRIEF", framing: "", whyReasons: [], whyText: "", responseWish: "" };

const authorOnly = (actor: Actor): WriteExpectation => (actor === "author" ? "changes" : "refused");
const authorsSummary = (actor: Actor, state: ItemState): WriteExpectation =>
  actor === "author" && state !== "private note" ? "changes" : "refused";

writeMatrix({
  db,
  actors: SIGNED_IN_ACTORS,
  entries: [
    {
      name: "updateNote",
      target: "note",
      run: (call) => dataWrite(() => updateNote(as(call), call.target, { title: "Changed", body: "Changed", workingOn: null, sessionDate: null })),
      expected: authorOnly,
      effect: effects.noteTitle,
    },
    {
      name: "deleteNote",
      target: "note",
      run: (call) => dataWrite(() => deleteNote(as(call), call.target)),
      expected: authorOnly,
      effect: effects.noteTitle,
    },
    {
      name: "saveDraft of an edit to the note",
      target: "note",
      run: (call) => dataWrite(() => saveDraft(as(call), { kind: "note", id: call.target }, { form: "note", fields: noteDraft })),
      expected: authorOnly,
      effect: effects.draftsOfTheNote,
    },
    {
      name: "saveDraft of a summary from the note",
      target: "note",
      run: (call) => dataWrite(() => saveDraft(as(call), { kind: "new-summary", noteId: call.target }, { form: "summary", fields: summaryDraft })),
      expected: authorOnly,
      effect: effects.draftsOfTheNote,
    },
    {
      name: "discardDraft of an edit to the note",
      target: "note",
      run: (call) => dataWrite(() => discardDraft(as(call), { kind: "note", id: call.target })),
      expected: authorOnly,
      effect: effects.draftsOfTheNote,
    },
    {
      name: "createSummary from the note",
      target: "note",
      run: (call) => dataWrite(() => createSummary(as(call), { ...call.world.draft, noteId: call.target })),
      expected: authorOnly,
      effect: (db, world) => db.summary.count({ where: { authorId: world.author.id } }),
    },
    {
      name: "updateSummary",
      target: "summary",
      // Without the note, so only the summary's own ownership check stands between a forger and the row.
      run: (call) => dataWrite(() => updateSummary(as(call), call.target, { ...call.world.draft, noteId: null, title: "Changed" })),
      expected: authorsSummary,
      effect: effects.summaryTitle,
    },
    {
      name: "deleteSummary",
      target: "summary",
      run: (call) => dataWrite(() => deleteSummary(as(call), call.target)),
      expected: authorsSummary,
      effect: effects.summaryTitle,
    },
    {
      name: "shareSummary",
      target: "summary",
      run: (call) => dataWrite(() => shareAsPreviewed(as(call), reflection(call.target))),
      expected: expectations.share,
      effect: effects.activeConsent,
    },
    {
      name: "unshareSummary",
      target: "summary",
      run: (call) => dataWrite(() => unshareSummary(as(call), call.target)),
      expected: expectations.unshare,
      effect: effects.activeConsent,
    },
    {
      name: "replyToSharedItem",
      target: "consent",
      run: (call) => dataWrite(() => replyToSharedItem(as(call), call.target, "GLAD_YOU_SHARED")),
      expected: expectations.partnerWhileShared,
      effect: effects.reply,
    },
    {
      name: "askToTalk",
      target: "consent",
      worldOptions: { sharedOnPlan: false },
      run: (call) => dataWrite(() => askToTalk(as(call), call.target)),
      expected: expectations.partnerWhileShared,
      effect: effects.talkRequest,
    },
    {
      name: "answerTalkRequest (accept)",
      target: "consent",
      worldOptions: { talkRequested: true },
      run: (call) => dataWrite(() => answerTalkRequest(as(call), call.target, "accept")),
      expected: expectations.authorWhileShared,
      effect: effects.talkRequest,
    },
    {
      name: "answerTalkRequest (decline)",
      target: "consent",
      worldOptions: { talkRequested: true },
      run: (call) => dataWrite(() => answerTalkRequest(as(call), call.target, "decline")),
      expected: expectations.authorWhileShared,
      effect: effects.talkRequest,
    },
    {
      name: "addSharedItemToPlan",
      target: "consent",
      worldOptions: { sharedOnPlan: false },
      run: (call) => dataWrite(() => addSharedItemToPlan(as(call), call.target)),
      expected: expectations.authorWhileShared,
      effect: effects.onPlan,
    },
    {
      name: "setDiscussed",
      target: "plan item",
      run: (call) => dataWrite(() => setDiscussed(as(call), call.target, true)),
      expected: expectations.authorWhileShared,
      effect: effects.planItem,
    },
    {
      name: "moveItem",
      target: "plan item",
      run: (call) => dataWrite(() => moveItem(as(call), call.target, "up")),
      expected: expectations.eitherPartnerWhileShared,
      effect: effects.planItem,
    },
    {
      name: "removeFromPlan",
      target: "plan item",
      run: (call) => dataWrite(() => removeFromPlan(as(call), call.target)),
      expected: expectations.authorWhileShared,
      effect: effects.planItem,
    },
  ],
});
