/**
 * Access matrix, pages and the export route: what each actor's browser would receive, in
 * every item state.
 *
 * How a page is rendered here: a page is an async server component, which
 * renderToStaticMarkup cannot await. So the test calls the page function itself (that runs all
 * of its data loading against the test database), then renders the element it returns with
 * renderToStaticMarkup: everything below a page is synchronous, so the markup is what the
 * browser would get, minus the layout. notFound() and redirect() throw as they do in Next.js
 * and become "not-found" and "sent to sign in" (tests/support/access-matrix.ts, pageResult).
 */
import { vi } from "vitest";
import { GET as exportRoute } from "@/app/api/export/route";
import CouplePage from "@/app/couple/page";
import EditNotePage from "@/app/notes/[id]/edit/page";
import NotePage from "@/app/notes/[id]/page";
import NotesPage from "@/app/notes/page";
import PlanPage from "@/app/plan/page";
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
  readMatrix,
  responseResult,
  shows,
  type ReadExpectation,
} from "../../support/access-matrix";
import { ACTORS, SNAPSHOT, WHOLE_NOTE, isActive, type Actor, type ItemState } from "../../support/consent-world";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import * as expectations from "./expectations";

vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

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

readMatrix({
  db: () => t.db,
  actors: ACTORS,
  entries: [
    {
      name: "/notes/[id]",
      target: "note",
      run: (call) => pageResult(() => NotePage({ ...id(call.target), ...noSearch })),
      expected: authorSees(() => shows(...WHOLE_NOTE), NOT_FOUND),
    },
    {
      name: "/notes/[id]/edit",
      target: "note",
      run: (call) => pageResult(() => EditNotePage(id(call.target))),
      expected: authorSees(() => shows(...WHOLE_NOTE), NOT_FOUND),
    },
    {
      name: "/notes",
      target: "none",
      run: () => pageResult(() => NotesPage(noSearch)),
      expected: authorSees(() => shows("noteTitle", "noteWorkingOn", "noteId"), NOTHING),
    },
    {
      name: "/summaries/new?from=[note id]",
      target: "note",
      run: (call) => pageResult(() => NewSummaryPage({ searchParams: Promise.resolve({ from: call.target }) })),
      // The composer shows the whole note beside the draft, to its author alone.
      expected: authorSees(() => shows(...WHOLE_NOTE), NOTHING),
    },
    {
      name: "/summaries",
      target: "none",
      run: () => pageResult(() => SummariesPage(noSearch)),
      expected: authorSees((state) => (state === "private note" ? NOTHING : shows(currentTitle(state), "privateLabel", "summaryId")), NOTHING),
    },
    {
      name: "/summaries/[id]",
      target: "summary",
      run: (call) => pageResult(() => SummaryPage({ ...id(call.target), ...noSearch })),
      expected: ownSummaryPage(expectations.summaryAsAuthorReadsIt),
    },
    {
      name: "/summaries/[id]/edit",
      target: "summary",
      run: (call) => pageResult(() => EditSummaryPage(id(call.target))),
      expected: ownSummaryPage((state) => shows(...currentText(state), "privateLabel", ...WHOLE_NOTE, "summaryId")),
    },
    {
      name: "/summaries/[id]/share",
      target: "summary",
      // The reflection step previews the current words; once the couple has ended it only says to link up first.
      run: (call) => pageResult(() => ShareSummaryPage(id(call.target))),
      expected: ownSummaryPage((state) => (state === "after leaving the couple" ? shows("summaryId") : shows(...currentText(state), "summaryId"))),
    },
    {
      name: "/summaries/history",
      target: "none",
      run: () => pageResult(() => SharingHistoryPage()),
      expected: authorSees(expectations.historyOf, NOTHING),
    },
    {
      name: "/shared",
      target: "none",
      run: () => pageResult(() => SharedPage()),
      expected: expectations.sharedView,
    },
    {
      name: "/plan",
      target: "none",
      run: () => pageResult(() => PlanPage()),
      expected: (actor, state) =>
        actor === "signed-out" ? SIGN_IN : actor !== "stranger" && isActive(state) ? shows(...SNAPSHOT) : NOTHING,
    },
    {
      name: "/couple",
      target: "none",
      run: () => pageResult(() => CouplePage({ searchParams: Promise.resolve({}) })),
      expected: (actor) => (actor === "signed-out" ? SIGN_IN : NOTHING),
    },
    {
      name: "GET /api/export",
      target: "none",
      run: () => responseResult(() => exportRoute(new Request("http://127.0.0.1:3000/api/export"), {})),
      expected: (actor) => (actor === "signed-out" ? UNAUTHORIZED : actor === "author" ? expectations.EVERYTHING_OF_THE_AUTHORS : NOTHING),
    },
  ],
});
