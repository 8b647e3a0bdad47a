/**
 * The plan page runs the same number of SQL statements for 5 items as for 500 (issue 3): its
 * data is loaded in a fixed number of queries, never one per item. So do the shared view, the
 * author's lists of notes and summaries (issue 13) and the home page, which names a few items and
 * counts the rest. Counted with the test
 * client's query log (tests/support/test-db.ts), reset just before the measured call.
 */
import { randomUUID } from "node:crypto";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import NotesPage from "@/app/notes/page";
import HomePage from "@/app/page";
import PlanPage from "@/app/plan/page";
import SharedPage from "@/app/shared/page";
import SummariesPage from "@/app/summaries/page";
import { listSharedItems } from "@/lib/data/consent";
import { getPlan } from "@/lib/data/plan";
import { buildWorld, type World } from "../support/consent-world";
import { signInAs } from "../support/browser";
import { setUpEdgeTestDb } from "../support/edge-test-db";
import { accessFor } from "../support/users";

vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

/**
 * A couple whose plan holds `size` items in all: half shared summaries (from both partners),
 * half topics, plus as many shared items again that are not on the plan, and withdrawn ones
 * that must stay out. Rows are inserted in bulk: the measured reads are what matter here.
 */
async function coupleWithPlanOf(size: number): Promise<World> {
  const world = await buildWorld(t.db, "private note");
  const shared = Math.floor(size / 2);
  const authors = [world.author.id, world.partner.id];
  const summaries = Array.from({ length: shared * 2 + 2 }, (_, index) => ({
    id: randomUUID(),
    authorId: authors[index % 2]!,
    title: `Shared ${index}`,
    body: `Body ${index}`,
    depth: "BRIEF" as const,
    framing: "CONTENT_ONLY" as const,
  }));
  await t.db.summary.createMany({ data: summaries });
  const consents = summaries.map((summary, index) => {
    const withdrawn = index >= shared * 2;
    return {
      id: randomUUID(),
      authorId: summary.authorId,
      summaryId: summary.id,
      activeSummaryId: withdrawn ? null : summary.id,
      coupleId: world.coupleId,
      withdrawnAt: withdrawn ? new Date() : null,
      withdrawalCause: withdrawn ? ("AUTHOR_UNSHARED" as const) : null,
      sharedTitle: withdrawn ? null : summary.title,
      historyTitle: summary.title,
      sharedBody: summary.body,
      sharedDepth: summary.depth,
      sharedFraming: summary.framing,
      sharedWhyReasons: ["FEEL_CLOSER" as const],
      sharedResponseWish: "JUST_LISTEN" as const,
      reflectedOwnChoice: true,
      reflectedAboutMe: true,
    };
  });
  await t.db.shareConsent.createMany({ data: consents });
  await t.db.note.createMany({ data: Array.from({ length: size }, (_, index) => ({ authorId: world.author.id, title: `Note ${index}`, body: `Words ${index}` })) });
  // The world's own "Weekend plans" topic is item one.
  const topics = size - shared - 1;
  await t.db.planItem.createMany({
    data: [
      ...consents.slice(0, shared).map((consent, index) => ({
        coupleId: world.coupleId,
        addedById: authors[index % 2]!,
        consentId: consent.id,
        position: 1 + index * 2,
      })),
      ...Array.from({ length: topics }, (_, index) => ({
        coupleId: world.coupleId,
        addedById: authors[index % 2]!,
        topicTitle: `Topic ${index}`,
        topicDetail: index % 3 ? null : "Some detail",
        position: 2 + index * 2,
      })),
    ],
  });
  return world;
}

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  t.queries.count = 0;
  await run();
  return t.queries.count;
}

describe("the plan loads in a fixed number of queries", () => {
  let small: World;
  let large: World;
  beforeAll(async () => {
    small = await coupleWithPlanOf(5);
    large = await coupleWithPlanOf(500);
    // Bulk set-up of 2,000 rows, each field encrypted on the way in (decision 022).
  }, 180_000);

  it("holds 5 and 500 items as set up, none of them withdrawn", async () => {
    for (const [world, size] of [
      [small, 5],
      [large, 500],
    ] as const) {
      const plan = await getPlan(accessFor(t.db, world.partner));
      expect(plan.items).toHaveLength(size);
      // Each person is offered only their own shared items to add (C11): half of those off the plan.
      expect(plan.sharedNotOnPlan).toHaveLength(Math.floor(size / 2) / 2);
      expect(plan.items.every((item) => item.kind === "topic" || /^Shared \d+$/.test(item.title))).toBe(true);
    }
  });

  it("getPlan issues the same number of statements for 5 items as for 500", async () => {
    const counts = [];
    for (const world of [small, large]) counts.push(await countQueries(() => getPlan(accessFor(t.db, world.partner))));
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });

  it("the plan page, rendered, issues the same number of statements for 5 items as for 500", async () => {
    const counts = [];
    for (const world of [small, large]) {
      await signInAs(world.author);
      counts.push(await countQueries(async () => renderToStaticMarkup(await PlanPage())));
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });

  it("the shared view, as data and as a page, issues the same number of statements for 5 shared items as for 500", async () => {
    const data = [];
    const pages = [];
    for (const world of [small, large]) {
      data.push(await countQueries(() => listSharedItems(accessFor(t.db, world.partner))));
      await signInAs(world.partner);
      pages.push(await countQueries(async () => renderToStaticMarkup(await SharedPage())));
    }
    expect(data[1]).toBe(data[0]);
    expect(pages[1]).toBe(pages[0]);
  });

  it("the author's lists of notes and of summaries, rendered, issue the same number of statements for 5 as for 500", async () => {
    const counts: Record<"notes" | "summaries", number[]> = { notes: [], summaries: [] };
    const noSearch = { searchParams: Promise.resolve({}) };
    const markup = { notes: "", summaries: "" };
    for (const world of [small, large]) {
      await signInAs(world.author);
      counts.notes.push(await countQueries(async () => (markup.notes = renderToStaticMarkup(await NotesPage(noSearch)))));
      // Most of these summaries are shared, by consents from before "edited since shared" was stored: compared from their words.
      counts.summaries.push(await countQueries(async () => (markup.summaries = renderToStaticMarkup(await SummariesPage(noSearch)))));
    }
    // The large lists were drawn whole.
    expect(markup.notes).toContain("Note 499");
    expect(markup.summaries).toContain("Shared 500");
    expect(counts.notes[0]).toBeGreaterThan(0);
    expect(counts.notes[1]).toBe(counts.notes[0]);
    expect(counts.summaries[0]).toBeGreaterThan(0);
    expect(counts.summaries[1]).toBe(counts.summaries[0]);
  });

  it("the home page, rendered, issues the same number of statements for 5 shared items as for 500, and names three of them", async () => {
    const counts = [];
    let markup = "";
    for (const world of [small, large]) {
      await signInAs(world.partner);
      counts.push(await countQueries(async () => (markup = renderToStaticMarkup(await HomePage({ searchParams: Promise.resolve({}) })))));
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
    // The author's 250 items are new to the partner: the newest three by name, the rest counted.
    expect(markup).toContain("250 things");
    expect(markup.match(/&ldquo;Shared \d+&rdquo;|“Shared \d+”/g)).toHaveLength(3);
    expect(markup).toContain(", and 247 more");
  });
});
