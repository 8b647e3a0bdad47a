/**
 * Consent rules C5 (no leaks by metadata) and C7 (no precedent: no counters or dates of
 * sharing activity) from shared/SPEC.md.
 */
import { describe, expect, it, vi } from "vitest";
import { listSharedItems, unshareSummary } from "@/lib/data/consent";
import { createNote, deleteNote, updateNote } from "@/lib/data/notes";
import { addTopics, getPlan, setConversationTime } from "@/lib/data/plan";
import { createSummary, updateSummary } from "@/lib/data/summaries";
import { formatCalendarDate } from "@/lib/format/dates";
import { buildWorld, type World } from "../../support/consent-world";
import { allTextReachableBy, everythingReachableBy } from "../../support/reachable";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { accessFor } from "../../support/users";
import { shareAsPreviewed } from "../../support/share";

vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

const asAuthor = (world: World) => accessFor(t.db, world.author);
const asPartner = (world: World) => accessFor(t.db, world.partner);

/** A busy week of private writing: notes with session dates, drafts from them, edits and a deletion. */
async function authorWritesPrivately(world: World) {
  const author = asAuthor(world);
  const notes = [];
  for (const day of ["2031-08-01", "2031-08-08", "2031-08-15"]) {
    notes.push(await createNote(author, { title: `Session ${day}`, body: "Private", workingOn: "Anger", sessionDate: new Date(`${day}T00:00:00.000Z`) }));
  }
  await updateNote(author, notes[0]!.id, { title: "Session, rewritten", body: "Still private", workingOn: null, sessionDate: null });
  await deleteNote(author, notes[1]!.id);
  const { id } = await createSummary(author, {
    title: "Draft from a session",
    body: "Maybe to share",
    depth: "IN_DEPTH",
    framing: "THERAPY_WORK",
    whyReasons: ["BROACH_A_TOPIC"],
    whyText: "Later, perhaps",
    responseWish: "THINK_IT_THROUGH",
    noteId: notes[2]!.id,
  });
  await updateSummary(author, id, { title: "Draft, reworded", body: "Maybe", depth: "BRIEF", framing: "CONTENT_ONLY", whyReasons: [], whyText: null, responseWish: null, noteId: null });
}

describe("C5: nothing the partner can reach reveals the author's private writing, its amount or its timing", () => {
  it.each(["private note", "shared summary", "edited after sharing"] as const)(
    "everything the partner can reach is identical before and after the author writes notes and drafts (item: %s)",
    async (state) => {
      const world = await buildWorld(t.db, state);
      const before = await everythingReachableBy(t.db, world.partner);
      await authorWritesPrivately(world);
      expect(await everythingReachableBy(t.db, world.partner)).toEqual(before);
    },
  );

  it("a stranger's reach does not change either", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const before = await everythingReachableBy(t.db, world.stranger);
    await authorWritesPrivately(world);
    expect(await everythingReachableBy(t.db, world.stranger)).toEqual(before);
  });

  it("a summary shared from a note carries nothing of the note: not its title, text, theme, id, or session date", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const text = await allTextReachableBy(t.db, world.partner);
    expect(text).toContain(world.secrets.draftTitle);
    for (const secret of [world.secrets.noteTitle, world.secrets.noteBody, world.secrets.noteWorkingOn, world.noteId, world.summaryId]) {
      expect(text).not.toContain(secret);
    }
    const sessionDate = new Date("2031-07-19T00:00:00.000Z");
    expect(text).not.toContain(formatCalendarDate(sessionDate));
    expect(text).not.toContain("2031-07-19");
  });

  it("the partner's view of the author's shared items is the same whether the author has written one note or many", async () => {
    const quiet = await buildWorld(t.db, "shared summary");
    const busy = await buildWorld(t.db, "shared summary");
    await authorWritesPrivately(busy);
    const shape = (items: Awaited<ReturnType<typeof listSharedItems>>) => items.map(({ consentId: _id, title: _title, body: _body, ...rest }) => rest);
    expect(shape(await listSharedItems(asPartner(busy)))).toEqual(shape(await listSharedItems(asPartner(quiet))));
  });
});

/** Every Date in a value, with the path it was found at. */
function datesIn(value: unknown, path = "$"): string[] {
  if (value instanceof Date) return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => datesIn(item, `${path}[${index}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => datesIn(item, `${path}.${key}`));
  return [];
}

describe("C7: sharing creates no precedent: no partner-visible dates or counts of sharing activity", () => {
  it("a shared item, as the partner receives it, has no date fields", async () => {
    const world = await buildWorld(t.db, "shared summary");
    const [item] = await listSharedItems(asPartner(world));
    expect(Object.keys(item!).sort()).toEqual(
      ["authorName", "body", "byMe", "consentId", "depth", "framing", "intent", "onPlan", "reply", "responseWish", "summaryId", "talk", "title", "whyReasons", "whyText"].sort(),
    );
    expect(datesIn(item)).toEqual([]);
    expect(JSON.stringify(item)).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it("the plan's items carry no date (its time is read with the check-in, lib/data/check-ins.ts)", async () => {
    const world = await buildWorld(t.db, "shared summary", { sharedOnPlan: false });
    await addTopics(asPartner(world), [{ title: "Holidays", detail: null }]);
    await setConversationTime(asPartner(world), new Date("2031-09-01T18:00:00.000Z"));
    expect(datesIn(await getPlan(asPartner(world)))).toEqual([]);
  });

  it("the partner cannot tell when something was shared, or how often the author shares and withdraws", async () => {
    const world = await buildWorld(t.db, "draft summary");
    const reflection = { summaryId: world.summaryId!, ownChoice: "yes" as const, aboutMe: "yes" as const, depth: "BRIEF" as const, reflectionNote: null };
    const once = await shareAsPreviewed(asAuthor(world), reflection, new Date("2030-01-01T09:00:00.000Z"));
    const longAgo = await everythingReachableBy(t.db, world.partner);
    // A flurry of activity later, ending in the same words shared again.
    for (let round = 0; round < 3; round += 1) {
      await unshareSummary(asAuthor(world), world.summaryId!);
      await shareAsPreviewed(asAuthor(world), reflection);
    }
    const latest = (await listSharedItems(asPartner(world)))[0]!.consentId;
    const justNow = await everythingReachableBy(t.db, world.partner);
    const sameIds = (view: Record<string, string>) => JSON.stringify(view).replaceAll(latest, once.consentId);
    expect(sameIds(justNow)).toEqual(JSON.stringify(longAgo));
  });
});
