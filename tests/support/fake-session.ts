import { redirect } from "next/navigation";
import type { CurrentUser } from "@/lib/auth/session";
import type { Access } from "@/lib/data/access";
import type { Db } from "@/lib/db/types";

/**
 * Stands in for lib/auth/session.ts (and lib/db/client.ts) in edge tests:
 *   vi.mock("@/lib/auth/session", () => import("../support/fake-session"));
 *   vi.mock("@/lib/db/client", () => import("../support/fake-session"));
 * A test picks who is signed in with `signInAs` / `signOut`; everything else behaves as the
 * real module does, including the real redirect to /sign-in for a signed-out visitor.
 */
const state: { db: Db | null; user: CurrentUser | null } = { db: null, user: null };

export function useTestDb(db: Db): void {
  state.db = db;
}

export function signInAs(user: CurrentUser): void {
  state.user = user;
}

export function signOut(): void {
  state.user = null;
}

export function getDb(): Db {
  if (!state.db) throw new Error("Call useTestDb(db) before using the fake session.");
  return state.db;
}

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return state.user;
}

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

export async function requireAccess(): Promise<Access> {
  const user = await requireUser();
  return { db: getDb(), userId: user.id };
}
