/**
 * The pages (and the export route) of the access matrix: what each actor's browser would
 * receive, in every item state. pages.test.ts runs them; entry-points.test.ts checks that
 * every page, route handler and server action of app/ is in the matrix.
 *
 * How a page is rendered here: a page is an async server component, which
 * renderToStaticMarkup cannot await. So the test calls the page function itself (that runs all
 * of its data loading against the test database), then renders the element it returns with
 * renderToStaticMarkup: everything below a page is synchronous, so the markup is what the
 * browser would get, minus the layout. notFound() and redirect() throw as they do in Next.js
 * and become "not-found" and "sent to sign in" (tests/support/access-matrix.ts, pageResult).
 */
import { GET as exportRoute } from "@/app/api/export/route";
import ConversationHistoryPage from "@/app/conversation/history/page";
import ConversationPage from "@/app/conversation/page";
import { GET as nextSessionRoute } from "@/app/conversation/reflect/next-session.txt/route";
import ReflectPage from "@/app/conversation/reflect/page";
import CouplePage from "@/app/couple/page";
import EditNotePage from "@/app/notes/[id]/edit/page";
import NotePage from "@/app/notes/[id]/page";
import NotesPage from "@/app/notes/page";
import PlanPage from "@/app/plan/page";
import HomePage from "@/app/page";
import SharedPage from "@/app/shared/page";
import EditSummaryPage from "@/app/summaries/[id]/edit/page";
import SummaryPage from "@/app/summaries/[id]/page";
import ShareSummaryPage from "@/app/summaries/[id]/share/page";
import SharingHistoryPage from "@/app/summaries/history/page";
import NewSummaryPage from "@/app/summaries/new/page";
import SummariesPage from "@/app/summaries/page";
import {
  NOTHING,
  NOT_FOUND,
  SIGN_IN,
  UNAUTHORIZED,
  pageResult,
  responseResult,
  shows,
  type ReadEntry,
  type ReadExpectation,
} from "../../support/access-matrix";
import { SNAPSHOT, WHOLE_NOTE, isActive, type Actor, type ItemState } from "../../support/consent-world";
import { authorsReflection, conversationAtSharedItem, historyWithSharedItem } from "../../support/conversation-world";
import * as expectations from "./expectations";

const id = (value: string) => ({ params: Promise.resolve({ id: value }) });
const noSearch = { searchParams: Promise.resolve({}) };

/** The author sees `content`; anyone else signed in gets `otherwise`; a signed-out visitor is sent to sign in. */
const authorSees =
  (content: (state: ItemState) => ReadExpectation, otherwise: ReadExpectation) =>
  (actor: Actor, state: ItemState): ReadExpectation =>
    actor === "signed-out" ? SIGN_IN : actor === "author" ? content(state) : otherwise;

const ownSummaryPage = (content: (state: ItemState) => ReadExpectation) =>
  authorSees((state) => (state === "private note" ? NOT_FOUND : content(state)), NOT_FOUND);

const currentText = (state: ItemState) => (state === "edited after sharing" ? (["editedTitle", "editedBody"] as const) : SNAPSHOT);
const currentTitle = (state: ItemState) => (state === "edited after sharing" ? "editedTitle" : "draftTitle");

export const PAGE_ENTRIES: readonly ReadEntry[] = [
  {
    name: "/notes/[id]",
    entryPoint: "app/notes/[id]/page.tsx",
    target: "note",
    run: (call) => pageResult(() => NotePage({ ...id(call.target), ...noSearch })),
    expected: authorSees(() => shows(...WHOLE_NOTE), NOT_FOUND),
  },
  {
    name: "/notes/[id]/edit",
    entryPoint: "app/notes/[id]/edit/page.tsx",
    target: "note",
    run: (call) => pageResult(() => EditNotePage(id(call.target))),
    // The author's unsaved edit, kept by autosave, is restored into the form: to the author alone.
    expected: authorSees(() => shows(...WHOLE_NOTE, "draftWords"), NOT_FOUND),
  },
  {
    name: "/notes",
    entryPoint: "app/notes/page.tsx",
    target: "none",
    run: () => pageResult(() => NotesPage(noSearch)),
    expected: authorSees(() => shows("noteTitle", "noteWorkingOn", "noteId"), NOTHING),
  },
  {
    name: "/summaries/new?from=[note id]",
    entryPoint: "app/summaries/new/page.tsx",
    target: "note",
    run: (call) => pageResult(() => NewSummaryPage({ searchParams: Promise.resolve({ from: call.target }) })),
    // The composer shows the whole note beside the draft, to its author alone.
    expected: authorSees(() => shows(...WHOLE_NOTE), NOTHING),
  },
  {
    name: "/summaries",
    entryPoint: "app/summaries/page.tsx",
    target: "none",
    run: () => pageResult(() => SummariesPage(noSearch)),
    expected: authorSees((state) => (state === "private note" ? NOTHING : shows(currentTitle(state), "privateLabel", "summaryId")), NOTHING),
  },
  {
    name: "/summaries/[id]",
    entryPoint: "app/summaries/[id]/page.tsx",
    target: "summary",
    run: (call) => pageResult(() => SummaryPage({ ...id(call.target), ...noSearch })),
    expected: ownSummaryPage(expectations.summaryAsAuthorReadsIt),
  },
  {
    name: "/summaries/[id]/edit",
    entryPoint: "app/summaries/[id]/edit/page.tsx",
    target: "summary",
    run: (call) => pageResult(() => EditSummaryPage(id(call.target))),
    expected: ownSummaryPage((state) => shows(...currentText(state), "privateLabel", ...WHOLE_NOTE, "summaryId")),
  },
  {
    name: "/summaries/[id]/share",
    entryPoint: "app/summaries/[id]/share/page.tsx",
    target: "summary",
    // The reflection step previews the current words; once the couple has ended it only says to link up first.
    run: (call) => pageResult(() => ShareSummaryPage(id(call.target))),
    expected: ownSummaryPage((state) => (state === "after leaving the couple" ? shows("summaryId") : shows(...currentText(state), "summaryId"))),
  },
  {
    name: "/summaries/history",
    entryPoint: "app/summaries/history/page.tsx",
    target: "none",
    run: () => pageResult(() => SharingHistoryPage()),
    expected: authorSees(expectations.historyOf, NOTHING),
  },
  {
    name: "/ (home)",
    entryPoint: "app/page.tsx",
    target: "none",
    run: () => pageResult(() => HomePage({ searchParams: Promise.resolve({}) })),
    // A signed-out visitor gets the public start page; the partner is told what was newly shared, by its title.
    expected: (actor, state) => (actor === "partner" && isActive(state) ? shows("draftTitle") : NOTHING),
  },
  {
    name: "/shared",
    entryPoint: "app/shared/page.tsx",
    target: "none",
    run: () => pageResult(() => SharedPage()),
    expected: expectations.sharedView,
  },
  {
    name: "/plan",
    entryPoint: "app/plan/page.tsx",
    target: "none",
    run: () => pageResult(() => PlanPage()),
    expected: (actor, state) =>
      actor === "signed-out" ? SIGN_IN : actor !== "stranger" && isActive(state) ? shows(...SNAPSHOT) : NOTHING,
  },
  {
    name: "/conversation (at the shared item)",
    entryPoint: "app/conversation/page.tsx",
    target: "none",
    run: async (call) => {
      await conversationAtSharedItem(call);
      return pageResult(() => ConversationPage());
    },
    // The item's words come through the plan's consent rule: both partners while shared, nobody after.
    expected: (actor, state) =>
      actor === "signed-out" ? SIGN_IN : actor !== "stranger" && isActive(state) ? shows(...SNAPSHOT) : NOTHING,
  },
  {
    name: "/conversation/history",
    entryPoint: "app/conversation/history/page.tsx",
    target: "none",
    run: async (call) => {
      await historyWithSharedItem(call);
      return pageResult(() => ConversationHistoryPage());
    },
    // A shared item discussed earlier is listed by its title only while it is still shared.
    expected: (actor, state) =>
      actor === "signed-out" ? SIGN_IN : actor !== "stranger" && isActive(state) ? shows("draftTitle") : NOTHING,
  },
  {
    name: "/conversation/reflect (the author's private reflection)",
    entryPoint: "app/conversation/reflect/page.tsx",
    target: "none",
    run: async (call) => {
      await authorsReflection(call.db, call.world);
      return pageResult(() => ReflectPage({ searchParams: Promise.resolve({}) }));
    },
    expected: authorSees(() => shows("noteBody"), NOTHING),
  },
  {
    name: "GET /conversation/reflect/next-session.txt",
    entryPoint: "app/conversation/reflect/next-session.txt/route.ts GET",
    target: "none",
    run: async (call) => {
      await authorsReflection(call.db, call.world);
      return responseResult(() => nextSessionRoute(new Request("http://127.0.0.1:3000/conversation/reflect/next-session.txt"), {}));
    },
    expected: (actor) => (actor === "signed-out" ? UNAUTHORIZED : actor === "author" ? shows("noteBody") : NOTHING),
  },
  {
    name: "/couple",
    entryPoint: "app/couple/page.tsx",
    target: "none",
    run: () => pageResult(() => CouplePage({ searchParams: Promise.resolve({}) })),
    expected: (actor) => (actor === "signed-out" ? SIGN_IN : NOTHING),
  },
  {
    name: "GET /api/export",
    entryPoint: "app/api/export/route.ts GET",
    target: "none",
    run: () => responseResult(() => exportRoute(new Request("http://127.0.0.1:3000/api/export"), {})),
    expected: (actor) => (actor === "signed-out" ? UNAUTHORIZED : actor === "author" ? expectations.EVERYTHING_OF_THE_AUTHORS : NOTHING),
  },
];
