/**
 * Access matrix, server actions (entries: action-entries.ts), for the author, the partner, a
 * stranger and a signed-out visitor, in every item state. Sessions are real
 * (tests/support/browser.ts mints next-auth tokens); everything below them is real too.
 */
import { vi } from "vitest";
import { writeMatrix } from "../../support/access-matrix";
import { ACTORS } from "../../support/consent-world";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { ACTION_ENTRIES } from "./action-entries";

vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

writeMatrix({ db: () => t.db, actors: ACTORS, entries: ACTION_ENTRIES });
