/** Access matrix, pages and the export route (entries: page-entries.ts), for every actor in every item state. */
import { vi } from "vitest";
import { readMatrix } from "../../support/access-matrix";
import { ACTORS } from "../../support/consent-world";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { PAGE_ENTRIES } from "./page-entries";

vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// The conversation pages keep two devices in step with the App Router, which a page rendered outside Next.js has not mounted.
vi.mock("next/navigation", async (original) => ({
  ...(await original<typeof import("next/navigation")>()),
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn(), back: vi.fn(), forward: vi.fn(), prefetch: vi.fn() }),
}));

const t = setUpEdgeTestDb();

readMatrix({ db: () => t.db, actors: ACTORS, entries: PAGE_ENTRIES });
