import { randomUUID } from "node:crypto";
import { isValidElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { DomainError } from "@/lib/data/errors";
import type { Db } from "@/lib/db/types";
import {
  ACTORS,
  ITEM_STATES,
  buildWorld,
  existingSecrets,
  footprint,
  secretsIn,
  type Actor,
  type ItemState,
  type SecretName,
  type World,
  type WorldOptions,
} from "./consent-world";
import { signInAs, signOut, useTestDb as handToBrowser } from "./browser";
import { outcomeOf } from "./next-control-flow";

/**
 * The access matrix: entry point x actor x item state, one named test per cell.
 *
 * Every entry point is reduced to one Outcome, whatever its kind (data-layer function, server
 * action, page, route handler), so one set of expectations reads the same for all of them.
 */
export type Outcome =
  | { kind: "shown"; text: string }
  | { kind: "done"; url?: string }
  | { kind: "not-found"; message?: string }
  | { kind: "refused"; message: string }
  | { kind: "sign-in" }
  | { kind: "status"; status: number; text: string };

function domainRefusal(error: unknown): Outcome {
  if (!(error instanceof DomainError)) throw error;
  return error.code === "not-found" ? { kind: "not-found", message: error.message } : { kind: "refused", message: error.message };
}

/** A data-layer read: null is not-found, a DomainError a refusal, anything else is shown (as JSON). */
export async function dataRead(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await run();
    return value === null || value === undefined ? { kind: "not-found" } : { kind: "shown", text: JSON.stringify(value) };
  } catch (error) {
    return domainRefusal(error);
  }
}

/** A data-layer write: a DomainError, null or false (the note functions' "no such note") is a refusal. */
export async function dataWrite(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    const value = await run();
    return value === null || value === false ? { kind: "not-found" } : { kind: "done" };
  } catch (error) {
    return domainRefusal(error);
  }
}

/** Posts the fields to a server action as a browser's form would (a name may repeat), and reads its Outcome. */
export function postForm(action: (previous: FormState, form: FormData) => Promise<FormState>, fields: Record<string, string | readonly string[]>): Promise<Outcome> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) form.append(name, one);
  return actionResult(() => action(IDLE, form));
}

/** A server action: its FormState, or the redirect it throws (to sign-in, or onwards after success). */
export async function actionResult(run: () => Promise<FormState>): Promise<Outcome> {
  const outcome = await outcomeOf(run);
  if (outcome.kind === "redirect") return outcome.url === "/sign-in" ? { kind: "sign-in" } : { kind: "done", url: outcome.url };
  if (outcome.kind === "not-found") return { kind: "not-found" };
  const state = outcome.value;
  if (state.status === "error") return { kind: "refused", message: state.message };
  return { kind: "done" };
}

/**
 * A page (an async server component). The page function is awaited here, which runs all of
 * its data loading, and the element it returns is rendered with renderToStaticMarkup: the
 * components below a page are synchronous (client components and plain server components),
 * so the markup is exactly what the browser would receive. notFound() and redirect() throw
 * with a digest, as they do in Next.js.
 */
export async function pageResult(run: () => Promise<ReactElement>): Promise<Outcome> {
  const outcome = await outcomeOf(run);
  if (outcome.kind === "redirect") return outcome.url === "/sign-in" ? { kind: "sign-in" } : { kind: "done", url: outcome.url };
  if (outcome.kind === "not-found") return { kind: "not-found" };
  if (!isValidElement(outcome.value)) throw new Error("A page returned something other than a React element.");
  return { kind: "shown", text: renderToStaticMarkup(outcome.value) };
}

export async function responseResult(run: () => Promise<Response>): Promise<Outcome> {
  const response = await run();
  const text = await response.text();
  if (response.status === 200) return { kind: "shown", text };
  if (response.status === 404) return { kind: "not-found", message: text };
  return { kind: "status", status: response.status, text };
}

/** Which of the world's ids an entry point is aimed at. Where the state has no such thing yet, the nearest id stands in (a forged id of another kind). */
export type Target = "note" | "summary" | "consent" | "plan item" | "none";

function targetId(world: World, target: Target): string {
  switch (target) {
    case "note":
    case "none":
      return world.noteId;
    case "summary":
      return world.summaryId ?? world.noteId;
    case "consent":
      return world.consentId ?? world.summaryId ?? world.noteId;
    case "plan item":
      return world.planItemId ?? world.consentId ?? world.summaryId ?? world.noteId;
  }
}

export type Call = { db: Db; world: World; actor: Actor; target: string };

const WHO: Record<Actor, string> = {
  author: "the author",
  partner: "the partner",
  stranger: "a stranger",
  "signed-out": "a signed-out visitor",
};

/** Signs the test browser in as the actor (edge entry points read it; data-layer ones are handed the actor directly). */
async function actAs(db: Db, world: World, actor: Actor): Promise<void> {
  handToBrowser(db);
  if (actor === "signed-out") signOut();
  else await signInAs(world[actor]);
}

/**
 * The matrix runs in full once, on the embedded database. PGlite is the same PostgreSQL
 * engine, so on the server (the postgres project) each entry runs only in these states,
 * for every actor: a draft and a shared summary give every entry its success and its
 * refusals, and every write that locks rows (FOR UPDATE) takes that path, on pg's driver
 * and real connections (decision 031). Entry names carry PARITY_SUBSET there, so reports say so.
 */
export const PARITY_STATES: readonly ItemState[] = ["draft summary", "shared summary"];
export const PARITY_SUBSET = "[PostgreSQL parity subset]";
const onServer = process.env.TEST_DB_KIND === "postgres";

function statesToRun(): readonly ItemState[] {
  return onServer ? ITEM_STATES.filter((state) => PARITY_STATES.includes(state)) : ITEM_STATES;
}

function entryTitle(name: string): string {
  return onServer ? `${name} ${PARITY_SUBSET}` : name;
}

/** Builds worlds on demand; worlds that no test changes are shared between cells. */
function worldCache(db: () => Db) {
  const cache = new Map<string, Promise<World>>();
  const key = (state: ItemState, options: WorldOptions) => `${state}|${options.sharedOnPlan ?? true}|${options.talkRequested ?? false}`;
  return {
    shared(state: ItemState, options: WorldOptions = {}): Promise<World> {
      const k = key(state, options);
      let world = cache.get(k);
      if (!world) {
        world = buildWorld(db(), state, options);
        cache.set(k, world);
      }
      return world;
    },
    forget(state: ItemState, options: WorldOptions = {}): void {
      cache.delete(key(state, options));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Reads

export type ReadExpectation =
  | { kind: "shows"; names: readonly SecretName[] }
  | { kind: "not-found" }
  | { kind: "refused" }
  | { kind: "sign-in" }
  | { kind: "unauthorized" };

export const shows = (...names: readonly SecretName[]): ReadExpectation => ({ kind: "shows", names });
export const NOTHING = shows();
export const NOT_FOUND: ReadExpectation = { kind: "not-found" };
export const REFUSED: ReadExpectation = { kind: "refused" };
export const SIGN_IN: ReadExpectation = { kind: "sign-in" };
export const UNAUTHORIZED: ReadExpectation = { kind: "unauthorized" };

/**
 * Which page, route handler or server action an edge entry calls: "app/…/page.tsx",
 * "app/…/route.ts GET", "app/…/actions.ts nameOfAction" (checked against app/ by entry-points.test.ts).
 */
export type EntryPoint = string;

export type ReadEntry = {
  name: string;
  entryPoint?: EntryPoint;
  target: Target;
  run: (call: Call) => Promise<Outcome>;
  expected: (actor: Actor, state: ItemState) => ReadExpectation;
};

function readTitle(actor: Actor, state: ItemState, expectation: ReadExpectation): string {
  const who = WHO[actor];
  switch (expectation.kind) {
    case "shows": {
      const names = existingSecrets(state, expectation.names);
      return names.length ? `${who} sees exactly: ${names.join(", ")}` : `${who} sees none of the author's private text`;
    }
    case "not-found":
      return `${who} gets not-found`;
    case "refused":
      return `${who} is refused, with nothing of the item`;
    case "sign-in":
      return `${who} is sent to sign in`;
    case "unauthorized":
      return `${who} gets 401`;
  }
}

function kindOf(expectation: ReadExpectation): Outcome["kind"] {
  switch (expectation.kind) {
    case "shows":
      return "shown";
    case "unauthorized":
      return "status";
    default:
      return expectation.kind;
  }
}

export function readMatrix(options: { db: () => Db; actors: readonly Actor[]; entries: readonly ReadEntry[] }): void {
  const worlds = worldCache(options.db);
  for (const entry of options.entries) {
    describe(entryTitle(entry.name), () => {
      describe.each(statesToRun())("%s", (state) => {
        for (const actor of options.actors) {
          const expectation = entry.expected(actor, state);
          it(readTitle(actor, state, expectation), async () => {
            const world = await worlds.shared(state);
            const call = { db: options.db(), world, actor, target: targetId(world, entry.target) };
            await actAs(call.db, world, actor);
            const outcome = await entry.run(call);
            expect(outcome.kind, JSON.stringify(outcome).slice(0, 500)).toBe(kindOf(expectation));
            if (expectation.kind === "shows" && outcome.kind === "shown") {
              expect(secretsIn(world, outcome.text)).toEqual(existingSecrets(state, expectation.names));
            } else {
              expect(secretsIn(world, JSON.stringify(outcome))).toEqual([]);
            }
            if (expectation.kind === "unauthorized") expect(outcome).toMatchObject({ status: 401 });
            // A refusal must not tell the item apart from one that does not exist.
            if (actor !== "author" && entry.target !== "none" && expectation.kind !== "shows") {
              await actAs(call.db, world, actor);
              const missing = await entry.run({ ...call, target: randomUUID() });
              expect(outcome).toEqual(missing);
            }
          });
        }
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Writes

/** "no-op": accepted, and rightly changes nothing (e.g. sharing again exactly what is shared). */
export type WriteExpectation = "changes" | "no-op" | "refused" | "sign-in";

export type WriteEntry = {
  name: string;
  entryPoint?: EntryPoint;
  target: Target;
  worldOptions?: WorldOptions;
  run: (call: Call) => Promise<Outcome>;
  expected: (actor: Actor, state: ItemState) => WriteExpectation;
  /** The one value the write is meant to change, read straight from the database. */
  effect: (db: Db, world: World, target: string) => Promise<unknown>;
};

function writeTitle(actor: Actor, expectation: WriteExpectation): string {
  const who = WHO[actor];
  switch (expectation) {
    case "changes":
      return `${who} changes it`;
    case "no-op":
      return `${who} is told it is already done, and nothing changes`;
    case "refused":
      return `${who} is refused and nothing changes`;
    case "sign-in":
      return `${who} is sent to sign in and nothing changes`;
  }
}

export function writeMatrix(options: { db: () => Db; actors: readonly Actor[]; entries: readonly WriteEntry[] }): void {
  const worlds = worldCache(options.db);
  for (const entry of options.entries) {
    describe(entryTitle(entry.name), () => {
      describe.each(statesToRun())("%s", (state) => {
        for (const actor of options.actors) {
          const expectation = entry.expected(actor, state);
          it(writeTitle(actor, expectation), async () => {
            const db = options.db();
            // A write that succeeds gets a world of its own; refused ones share one (and prove it unchanged).
            const world = expectation === "changes" ? await buildWorld(db, state, entry.worldOptions) : await worlds.shared(state, entry.worldOptions);
            const call = { db, world, actor, target: targetId(world, entry.target) };
            const before = await footprint(db, world);
            const effectBefore = await entry.effect(db, world, call.target);
            await actAs(call.db, world, actor);
            const outcome = await entry.run(call);
            const missing = actor !== "author" && expectation !== "changes" ? await entry.run({ ...call, target: randomUUID() }) : null;
            const after = await footprint(db, world);
            if (expectation !== "changes" && JSON.stringify(after) !== JSON.stringify(before)) worlds.forget(state, entry.worldOptions);

            const detail = JSON.stringify(outcome).slice(0, 500);
            if (expectation === "changes") {
              expect(outcome.kind, detail).toBe("done");
              expect(await entry.effect(db, world, call.target)).not.toEqual(effectBefore);
              return;
            }
            expect(after).toEqual(before);
            if (expectation === "no-op") expect(outcome.kind, detail).toBe("done");
            if (expectation === "sign-in") expect(outcome.kind, detail).toBe("sign-in");
            if (expectation === "refused") {
              expect(["refused", "not-found"], detail).toContain(outcome.kind);
              if (outcome.kind === "refused") expect(outcome.message.length).toBeGreaterThan(0);
            }
            if (actor !== "author") {
              expect(secretsIn(world, JSON.stringify(outcome))).toEqual([]);
              expect(outcome).toEqual(missing);
            }
          });
        }
      });
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points that hold no item of the author's

/**
 * What a signed-out visitor must get from an entry point: sent to sign in (pages, actions),
 * 401 (route handlers), or, for a public one, whatever it answers, changing nothing.
 */
export type SignedOutExpectation = "sign-in" | "unauthorized" | "public";

/**
 * A page, route handler or server action that is not about one of the author's items (the
 * account page, sign-up, the check-in schedule, …). It has no item state to vary, so it runs
 * once per actor in a world where the author's item is shared, and the matrix proves what
 * matters for access: only the author's own calls may show or change the author's writing,
 * and a signed-out visitor is turned away, or for a public entry point changes nothing.
 */
export type SweepEntry = {
  entryPoint: EntryPoint;
  signedOut: SignedOutExpectation;
  run: (call: Call) => Promise<Outcome>;
};

const SWEEP_STATE: ItemState = "shared summary";

function sweepTitle(actor: Actor, signedOut: SignedOutExpectation): string {
  if (actor === "author") return signedOut === "public" ? "the author gets an answer" : "the author is let in, not sent to sign in";
  if (actor === "signed-out") {
    if (signedOut === "sign-in") return "a signed-out visitor is sent to sign in, and nothing changes";
    if (signedOut === "unauthorized") return "a signed-out visitor gets 401, and nothing changes";
    return "a signed-out visitor gets none of the author's writing, and changes nothing";
  }
  return `${WHO[actor]} gets none of the author's writing, and changes none of it`;
}

/** The author's own writing: what nobody else may ever change (their couple and its consents may end by the partner's choice). */
const authorsWriting = (rows: Awaited<ReturnType<typeof footprint>>, world: World) => ({
  notes: rows.notes.filter((note) => note.authorId === world.author.id),
  summaries: rows.summaries.filter((summary) => summary.authorId === world.author.id),
  drafts: rows.drafts.filter((draft) => draft.authorId === world.author.id),
});

const sharingOf = (rows: Awaited<ReturnType<typeof footprint>>) => ({ consents: rows.consents, couples: rows.couples, members: rows.members });

export function sweepMatrix(options: { db: () => Db; entries: readonly SweepEntry[] }): void {
  const worlds = worldCache(options.db);
  // Built under the hook's longer time-out, so the first cell times only its own entry point.
  beforeAll(() => worlds.shared(SWEEP_STATE));
  for (const entry of options.entries) {
    describe(entry.entryPoint, () => {
      for (const actor of ACTORS) {
        it(sweepTitle(actor, entry.signedOut), async () => {
          const db = options.db();
          const world = await worlds.shared(SWEEP_STATE);
          const before = await footprint(db, world);
          await actAs(db, world, actor);
          const outcome = await entry.run({ db, world, actor, target: world.noteId });
          const after = await footprint(db, world);
          // Another cell may reuse the world while the couples and the author's consent stand as built.
          if (JSON.stringify(sharingOf(after)) !== JSON.stringify(sharingOf(before))) worlds.forget(SWEEP_STATE);

          const detail = JSON.stringify(outcome).slice(0, 500);
          if (actor === "author") {
            // Proves the signed-out refusal below is the entry point's own, not a broken session.
            if (entry.signedOut !== "public") expect(["sign-in", "status"], detail).not.toContain(outcome.kind);
            return;
          }
          expect(secretsIn(world, JSON.stringify(outcome))).toEqual([]);
          expect(authorsWriting(after, world)).toEqual(authorsWriting(before, world));
          if (actor !== "signed-out") {
            if (entry.signedOut !== "public") expect(outcome.kind, detail).not.toBe("sign-in");
            return;
          }
          expect(after).toEqual(before);
          if (entry.signedOut === "sign-in") expect(outcome.kind, detail).toBe("sign-in");
          if (entry.signedOut === "unauthorized") expect(outcome, detail).toMatchObject({ kind: "status", status: 401 });
        });
      }
    });
  }
}
