import { encode } from "next-auth/jwt";
import { startSession } from "@/lib/auth/sessions";
import type { Db } from "@/lib/db/types";
import type { TestUser } from "./users";

/**
 * A browser for edge tests: its cookie jar is what the app's `next/headers` sees, and signing
 * in mints a real next-auth session token (next-auth/jwt's encode, with the secret) for a real
 * session row. Everything from there is the app's own code: getCurrentUser decrypts the cookie
 * and checks the session in the database exactly as in production.
 *   vi.mock("next/headers", () => import("../support/browser"));
 *   vi.mock("@/lib/db/client", () => import("../support/browser"));
 */
export const TEST_AUTH_SECRET = "vitest-only-session-secret-0123456789abcdefghij";
process.env.NEXTAUTH_SECRET = TEST_AUTH_SECRET;

export const SESSION_COOKIE = "next-auth.session-token";

type Cookie = { name: string; value: string };
const state: { db: Db | null; jar: Map<string, string>; extraHeaders: Record<string, string> } = { db: null, jar: new Map(), extraHeaders: {} };

/** Headers this browser's requests carry besides its cookies (e.g. the client address serve.ts sets). */
export function setRequestHeaders(extra: Record<string, string>): void {
  state.extraHeaders = extra;
}

export function useTestDb(db: Db): void {
  state.db = db;
}

export function getDb(): Db {
  if (!state.db) throw new Error("Call useTestDb(db) (or setUpEdgeTestDb) before a request.");
  return state.db;
}

/** A real session token for a session of `user` (its row must exist for the token to be accepted). */
export function mintSessionToken(user: TestUser, sessionId: string, secret = TEST_AUTH_SECRET): Promise<string> {
  return encode({ token: { uid: user.id, sid: sessionId, name: user.displayName, email: user.email }, secret });
}

/** Signs `user` in as the sign-in route would: a new session row, its token in the cookie. */
export async function signInAs(user: TestUser, userAgent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36"): Promise<{ sessionId: string; token: string }> {
  const sessionId = await startSession(getDb(), user.id, userAgent);
  const token = await mintSessionToken(user, sessionId);
  setSessionCookie(token);
  return { sessionId, token };
}

/** Puts a token in the cookie jar as it is (a copy kept from before, a forged one). */
export function setSessionCookie(token: string): void {
  state.jar.clear();
  state.jar.set(SESSION_COOKIE, token);
}

/** Forgets every cookie, as a fresh browser would. */
export function signOut(): void {
  state.jar.clear();
}

export function sessionCookie(): string | undefined {
  return state.jar.get(SESSION_COOKIE);
}

// next/headers, as the app calls it during a request from this browser.

export async function cookies() {
  const all = (): Cookie[] => [...state.jar].map(([name, value]) => ({ name, value }));
  return {
    getAll: all,
    get: (name: string) => all().find((cookie) => cookie.name === name),
    has: (name: string) => state.jar.has(name),
    toString: () => all().map((cookie) => `${cookie.name}=${encodeURIComponent(cookie.value)}`).join("; "),
    // A Set-Cookie the browser obeys: an empty value with maxAge 0 removes the cookie.
    set(name: string, value: string, options: { maxAge?: number } = {}) {
      if (options.maxAge === 0 || value === "") state.jar.delete(name);
      else state.jar.set(name, value);
    },
  };
}

export async function headers(): Promise<Headers> {
  const cookie = (await cookies()).toString();
  return new Headers({ host: "127.0.0.1:3000", ...state.extraHeaders, ...(cookie ? { cookie } : {}) });
}
