import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { NextRequest } from "next/server";
import type { SessionClaims } from "./sessions";

// next-auth names its cookie by the app's scheme: browsers keep __Secure- cookies for https only.
const secure = () => process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
const cookieName = () => (secure() ? "__Secure-next-auth.session-token" : "next-auth.session-token");

/**
 * The claims of this request's session cookie, decrypted and checked by next-auth's own
 * getToken, or null. Only the cookie counts: the request is rebuilt without its other headers,
 * so an Authorization header cannot stand in for it.
 */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  if (!jar.getAll().some((cookie) => cookie.name.startsWith(cookieName()))) return null;
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set, so session cookies cannot be read (npm start writes one to .data/auth-secret).");
  const request = new NextRequest("http://session.invalid/", { headers: { cookie: jar.toString() } });
  return getToken({ req: request, secret, secureCookie: secure(), cookieName: cookieName() });
}

/** Removes the session cookie (and any chunks of it) from this browser. */
export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    if (cookie.name.startsWith(cookieName())) {
      jar.set(cookie.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: secure() });
    }
  }
}
