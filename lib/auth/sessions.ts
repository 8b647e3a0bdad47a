import "server-only";
import type { Db } from "@/lib/db/types";
import { deviceLabel } from "./device-label";

/**
 * Server-side sessions: each sign-in is a UserSession row, and the session token names it. A
 * token is accepted only while its row exists, has been used within the idle limit and is
 * younger than the absolute lifetime (decision 016). Ending a session deletes its row.
 */
export const SESSION_POLICY = {
  /** Unused this long, a session ends: a shared computer left signed in overnight is signed out. */
  idleMs: 12 * 60 * 60_000,
  /** However busy, a session ends this long after sign-in; the password is asked again. */
  lifetimeMs: 7 * 24 * 60 * 60_000,
  /** lastSeenAt moves on at most this often, so a page view is not also a write. */
  touchEveryMs: 5 * 60_000,
} as const;

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
  neutralTabTitle: boolean;
  /** The session this request was made in. */
  sessionId: string;
};

/** What a session token carries (next-auth's JWT, decrypted): the user and the session named. */
export type SessionClaims = { uid?: unknown; sid?: unknown };

function isLive(session: { createdAt: Date; lastSeenAt: Date }, now: Date): boolean {
  return (
    now.getTime() - session.lastSeenAt.getTime() < SESSION_POLICY.idleMs &&
    now.getTime() - session.createdAt.getTime() < SESSION_POLICY.lifetimeMs
  );
}

/** Starts a session at sign-in; the user's ended-by-time sessions are cleared away on the way. */
export async function startSession(db: Db, userId: string, userAgent: string | null | undefined, now = new Date()): Promise<string> {
  await db.userSession.deleteMany({
    where: {
      userId,
      OR: [
        { lastSeenAt: { lte: new Date(now.getTime() - SESSION_POLICY.idleMs) } },
        { createdAt: { lte: new Date(now.getTime() - SESSION_POLICY.lifetimeMs) } },
      ],
    },
  });
  const session = await db.userSession.create({
    data: { userId, deviceLabel: deviceLabel(userAgent), createdAt: now, lastSeenAt: now },
    select: { id: true },
  });
  return session.id;
}

/**
 * The user a token's session belongs to, or null when the session has ended (signed out,
 * ended from another device, timed out, account deleted). Read through the client, so the
 * user's name is decrypted (decision 022): one statement per page (the user joined to the session), whatever is on it;
 * a write follows at most every few minutes.
 */
export async function checkSession(db: Db, claims: SessionClaims, now = new Date()): Promise<SessionUser | null> {
  const { uid, sid } = claims;
  if (typeof uid !== "string" || typeof sid !== "string") return null;
  const row = await db.userSession.findUnique({
    where: { id: sid },
    select: { userId: true, createdAt: true, lastSeenAt: true, user: { select: { id: true, email: true, displayName: true, neutralTabTitle: true } } },
  });
  if (!row || row.userId !== uid || !isLive(row, now)) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_POLICY.touchEveryMs) {
    await db.userSession.updateMany({ where: { id: sid }, data: { lastSeenAt: now } });
  }
  const { user } = row;
  return { id: user.id, email: user.email, displayName: user.displayName, neutralTabTitle: user.neutralTabTitle, sessionId: sid };
}

/** Ends one session of a user; another user's session id ends nothing. True if one ended. */
export async function endSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.userSession.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}

/**
 * Ends every session of a user, on every device, or every one but `except` (the one a person
 * is using to change their password). For sign-out everywhere, password changes and resets;
 * takes a transaction too, so it can commit with the change that calls for it.
 */
export async function endSessions(db: Pick<Db, "userSession">, userId: string, options: { except?: string } = {}): Promise<number> {
  const { count } = await db.userSession.deleteMany({
    where: { userId, ...(options.except ? { id: { not: options.except } } : {}) },
  });
  return count;
}

export type SessionSummary = { id: string; deviceLabel: string; createdAt: Date; lastSeenAt: Date };

/** A user's live sessions, most recently used first. */
export async function listSessions(db: Db, userId: string, now = new Date()): Promise<SessionSummary[]> {
  const sessions = await db.userSession.findMany({
    where: { userId },
    select: { id: true, deviceLabel: true, createdAt: true, lastSeenAt: true },
    orderBy: { lastSeenAt: "desc" },
  });
  return sessions.filter((session) => isLive(session, now));
}
