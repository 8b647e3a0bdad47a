/**
 * `npm run bench -- encryption`: what encryption at rest costs a signed-in page, in one run.
 * The same /plan (200 items) and /notes (200 notes) pages are rendered, data loading included,
 * against two copies of one database: one written and read through the app's encrypting
 * client, one through a bare Prisma client (the baseline, made here and nowhere else). vitest
 * prints each page's mean time and the ratio between the two.
 */
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, bench, describe, inject, vi } from "vitest";
import NotesPage from "@/app/notes/page";
import PlanPage from "@/app/plan/page";
import { acceptInvite, createInvite } from "@/lib/data/couples";
import { createNote } from "@/lib/data/notes";
import { addSharedItemToPlan, addTopics } from "@/lib/data/plan";
import { createSummary } from "@/lib/data/summaries";
import type { Db } from "@/lib/db/types";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { signInAs, useTestDb as handToFakeSession } from "../support/browser";
import { createTestDb, type TestDb } from "../support/test-db";
import { accessFor, createUser } from "../support/users";
import { shareAsPreviewed } from "../support/share";

vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/headers", () => import("../support/browser"));

const ITEMS = 200;
const words = (n: number) => `Something I noticed in session ${n}: when we talk about money I get tense, and I would like us to try again slowly.`;

type World = { db: Db; sam: { id: string; email: string; displayName: string } };

/** 200 notes for Sam; a plan of 200 items (100 shared summaries, 100 topics) for the couple. */
async function seed(db: Db): Promise<World> {
  const sam = await createUser(db, "Sam");
  const alex = await createUser(db, "Alex");
  const [asSam, asAlex] = [accessFor(db, sam), accessFor(db, alex)];
  await acceptInvite(asAlex, (await createInvite(asSam)).token);
  for (let n = 0; n < ITEMS; n += 1) {
    await createNote(asSam, { title: `Note ${n}`, body: words(n), workingOn: "Staying present", sessionDate: new Date("2026-11-01T00:00:00Z") });
  }
  for (let n = 0; n < ITEMS / 2; n += 1) {
    const summary = await createSummary(asSam, { noteId: null, title: `Shared ${n}`, body: words(n), depth: "BRIEF", framing: "THERAPY_WORK", whyReasons: [], whyText: null, responseWish: "JUST_LISTEN" });
    const { consentId } = await shareAsPreviewed(asSam, { summaryId: summary.id, ownChoice: "yes", aboutMe: "yes", depth: "BRIEF", reflectionNote: null });
    await addSharedItemToPlan(asSam, consentId);
  }
  await addTopics(asAlex, Array.from({ length: ITEMS / 2 }, (_, n) => ({ title: `Topic ${n}`, detail: words(n) })));
  return { db, sam };
}

let encrypted: TestDb;
let plainPglite: PGlite;
let worlds: { encrypted: World; plain: World };

beforeAll(async () => {
  encrypted = await createTestDb();
  plainPglite = new PGlite({ loadDataDir: new Blob([readFileSync(inject("pgliteSnapshotPath"))]) });
  worlds = { encrypted: await seed(encrypted.db), plain: await seed(new PrismaClient({ adapter: new PrismaPGlite(plainPglite) })) };
}, 600_000);

afterAll(async () => {
  await worlds.plain.db.$disconnect();
  await plainPglite.close();
  await encrypted.close();
});

async function render(world: World, page: "plan" | "notes"): Promise<string> {
  handToFakeSession(world.db);
  await signInAs(world.sam);
  return renderToStaticMarkup(page === "plan" ? await PlanPage() : await NotesPage({ searchParams: Promise.resolve({}) }));
}

/**
 * The two variants alternate within each round, so the load of a shared machine weighs on
 * both alike; each page's median over the rounds is compared.
 */
const ROUNDS = 30;
const times: Record<string, number[]> = {};

async function timed(name: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  (times[name] ??= []).push(performance.now() - started);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

describe("encryption at rest, per signed-in page", () => {
  bench(
    `/plan with ${ITEMS} items and /notes with ${ITEMS} notes, encrypted and plain in turn`,
    async () => {
      for (const page of ["plan", "notes"] as const) {
        await timed(`/${page} encrypted`, () => render(worlds.encrypted, page));
        await timed(`/${page} plain`, () => render(worlds.plain, page));
      }
    },
    { iterations: ROUNDS, time: 0, warmupIterations: 3 },
  );
});

afterAll(() => {
  const rows = (["plan", "notes"] as const).map((page) => {
    const [on, off] = [median(times[`/${page} encrypted`] ?? []), median(times[`/${page} plain`] ?? [])];
    return `/${page.padEnd(6)} encrypted ${on.toFixed(1).padStart(8)} ms   plain ${off.toFixed(1).padStart(8)} ms   ratio ${(on / off).toFixed(3)} (${((on / off - 1) * 100).toFixed(1)} % more time)`;
  });
  console.log(`\nEncryption at rest, median of ${times["/plan encrypted"]?.length ?? 0} rounds (warm-up included, key cache warm):\n${rows.join("\n")}\n`);
});
