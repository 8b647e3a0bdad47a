/**
 * Every page, route handler and server action in app/ is in the access matrix: found from the
 * files themselves (page files, route files' HTTP methods, every export of a "use server"
 * file) and compared with the matrix's entries, so a new one cannot ship unproven. The
 * entry points that hold no item of the author's are run here too (other-entry-points.ts).
 * Both are about the app's code, not the database engine: embedded database only.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { sweepMatrix } from "../../support/access-matrix";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { ACTION_ENTRIES } from "./action-entries";
import { OTHER_ENTRY_POINTS, TESTED_OUTSIDE_THE_MATRIX } from "./other-entry-points";
import { PAGE_ENTRIES } from "./page-entries";

vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("@/lib/email/deliver-soon", () => import("../../support/fake-deliver-soon"));
vi.mock("@/lib/email/outbox-key", () => import("../../support/fake-outbox-key"));
// The sign-in form asks for the App Router, which a page rendered outside Next.js has not mounted.
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn(), back: vi.fn(), forward: vi.fn(), prefetch: vi.fn() }),
}));

const ROOT = path.resolve(import.meta.dirname, "../../..");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;
const USE_SERVER = /^\s*(\/\*[\s\S]*?\*\/\s*|\/\/[^\n]*\n\s*)*["']use server["']/;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => SOURCE.test(file))
    .map((file) => path.join(folder, file).split(path.sep).join("/"))
    .sort();
}

/** Every entry point a browser can reach, named as the matrix names them (tests/support/access-matrix.ts, EntryPoint). */
async function entryPointsOfTheApp(): Promise<string[]> {
  const found: string[] = [];
  for (const file of sourceFiles("app")) {
    const name = path.basename(file);
    if (/^page\.\w+$/.test(name)) found.push(file);
    if (/^route\.\w+$/.test(name)) {
      const handlers = Object.keys(await import(path.join(ROOT, file))).filter((key) => HTTP_METHODS.includes(key));
      found.push(...handlers.map((method) => `${file} ${method}`));
    }
  }
  for (const file of serverActionFiles()) {
    const actions = Object.entries(await import(path.join(ROOT, file))).filter(([, value]) => typeof value === "function");
    found.push(...actions.map(([action]) => `${file} ${action}`));
  }
  return found.sort();
}

function serverActionFiles(): string[] {
  return ["app", "components", "lib"].flatMap(sourceFiles).filter((file) => USE_SERVER.test(readFileSync(path.join(ROOT, file), "utf8")));
}

function inTheMatrix(): string[] {
  const entryPoints = [...PAGE_ENTRIES, ...ACTION_ENTRIES].flatMap((entry) => (entry.entryPoint ? [entry.entryPoint] : []));
  return [...new Set([...entryPoints, ...OTHER_ENTRY_POINTS.map((entry) => entry.entryPoint), ...Object.keys(TESTED_OUTSIDE_THE_MATRIX)])].sort();
}

describe.runIf(process.env.TEST_DB_KIND === "pglite")("the access matrix covers the whole app", () => {
  it("lists every page, route handler and server action of app/, and nothing that is gone", async () => {
    const app = await entryPointsOfTheApp();
    const matrix = inTheMatrix();
    expect(app.filter((entryPoint) => !matrix.includes(entryPoint)), "in app/ but not in the access matrix").toEqual([]);
    expect(matrix.filter((entryPoint) => !app.includes(entryPoint)), "in the access matrix but not in app/").toEqual([]);
    expect(app.length).toBeGreaterThan(60);
  });

  it("finds server actions only in whole \"use server\" files, where every export is one", () => {
    const actionFiles = serverActionFiles();
    const inline = ["app", "components", "lib"]
      .flatMap(sourceFiles)
      .filter((file) => !actionFiles.includes(file) && /["']use server["']/.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(inline, "an inline server action cannot be enumerated: move it into an actions file").toEqual([]);
  });

  it("names the test files that cover what the matrix cannot call", () => {
    for (const files of Object.values(TESTED_OUTSIDE_THE_MATRIX)) for (const file of files) expect(existsSync(path.join(ROOT, file)), file).toBe(true);
  });

  describe("entry points that hold no item of the author's", () => {
    const t = setUpEdgeTestDb();
    sweepMatrix({ db: () => t.db, entries: OTHER_ENTRY_POINTS });
  });
});
