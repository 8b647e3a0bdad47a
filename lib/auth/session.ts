import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Access } from "@/lib/data/access";
import { getDb } from "@/lib/db/client";
import { clearSessionCookie, sessionClaims } from "./session-cookie";
import { checkSession, endSession, type SessionUser } from "./sessions";

export type CurrentUser = SessionUser;

/**
 * The signed-in user, checked against the database on every request: the token must name a
 * session that has not ended (sign out, Quick exit, ended from the Account page, timed out,
 * account deleted). One query, shared by everything that asks during the request.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await sessionClaims();
  return claims ? checkSession(getDb(), claims) : null;
});

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** The data-access handle for the signed-in user; signed-out visitors go to sign-in. */
export async function requireAccess(): Promise<Access> {
  const user = await requireUser();
  return { db: getDb(), userId: user.id };
}

/** Ends this request's session on the server and removes its cookie: sign out, Quick exit. */
export async function endCurrentSession(): Promise<void> {
  const claims = await sessionClaims();
  if (typeof claims?.uid === "string" && typeof claims.sid === "string") await endSession(getDb(), claims.uid, claims.sid);
  await clearSessionCookie();
}
