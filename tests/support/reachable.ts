import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { GET as exportRoute } from "@/app/api/export/route";
import CouplePage from "@/app/couple/page";
import HomePage from "@/app/page";
import NotesPage from "@/app/notes/page";
import PlanPage from "@/app/plan/page";
import SharedPage from "@/app/shared/page";
import SharingHistoryPage from "@/app/summaries/history/page";
import SummariesPage from "@/app/summaries/page";
import { listMyConsentHistory, listSharedItems } from "@/lib/data/consent";
import { getMyCouple } from "@/lib/data/couples";
import { DomainError } from "@/lib/data/errors";
import { exportMyData } from "@/lib/data/export";
import { getMyHome } from "@/lib/data/home";
import { listNotes } from "@/lib/data/notes";
import { getPlan } from "@/lib/data/plan";
import { listSummaries } from "@/lib/data/summaries";
import type { Db } from "@/lib/db/types";
import { signInAs } from "./browser";
import { accessFor, type TestUser } from "./users";

async function settle(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) return { refused: error.message };
    throw error;
  }
}

/**
 * A create form's one-time key (lib/data/submissions.ts) is random in every rendering and says
 * nothing about anyone's data: it is the one part of a page that changes from render to render.
 */
const withoutFormKeys = (html: string) => html.replace(/(name="formKey" value=")[0-9a-f-]{36}"/g, '$1…"');

const page = async (run: () => Promise<ReactElement>) => withoutFormKeys(renderToStaticMarkup(await run()));

/** The export's own time stamp is the one thing that changes from call to call. */
const withoutExportTime = (text: string) => text.replace(/"exportedAt":"[^"]*"/, '"exportedAt":"…"');

/**
 * Everything one signed-in user can reach, as data and as the pages their browser gets: the
 * data-layer functions, every page that lists things, and the export. Tests compare it before
 * and after the other partner acts, to prove that nothing of what the other did shows through.
 * Pages need the test browser (tests/support/browser.ts) mocked in the calling test file.
 */
export async function everythingReachableBy(db: Db, user: TestUser): Promise<Record<string, string>> {
  const access = accessFor(db, user);
  await signInAs(user);
  const none = { searchParams: Promise.resolve({}) };
  const data = {
    listSharedItems: await settle(() => listSharedItems(access)),
    getPlan: await settle(() => getPlan(access)),
    getMyCouple: await settle(() => getMyCouple(access)),
    listMyConsentHistory: await settle(() => listMyConsentHistory(access)),
    listSummaries: await settle(() => listSummaries(access)),
    listNotes: await settle(() => listNotes(access)),
    getMyHome: await settle(() => getMyHome(access)),
  };
  const exported = withoutExportTime(JSON.stringify(await exportMyData(access)));
  const response = await exportRoute(new Request("http://127.0.0.1:3000/api/export"), {});
  return {
    ...Object.fromEntries(Object.entries(data).map(([name, value]) => [name, JSON.stringify(value)])),
    exportMyData: exported,
    "GET /api/export": withoutExportTime(await response.text()),
    "/": await page(() => HomePage(none)),
    "/shared": await page(() => SharedPage()),
    "/plan": await page(() => PlanPage()),
    "/couple": await page(() => CouplePage(none)),
    "/summaries/history": await page(() => SharingHistoryPage()),
    "/summaries": await page(() => SummariesPage(none)),
    "/notes": await page(() => NotesPage(none)),
  };
}

/** All of it as one text, for "contains nothing of ..." checks. */
export async function allTextReachableBy(db: Db, user: TestUser): Promise<string> {
  return Object.values(await everythingReachableBy(db, user)).join("\n");
}
