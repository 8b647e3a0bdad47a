import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Access } from "@/lib/data/access";
import { getDb } from "@/lib/db/client";
import { authOptions } from "./options";

export type CurrentUser = { id: string; email: string; displayName: string };

/**
 * The signed-in user, checked against the database on every request: a deleted account or a
 * "sign out everywhere" (a newer session version) ends the session at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.uid || session.sv === undefined) return null;
  const user = await getDb().user.findUnique({
    where: { id: session.uid },
    select: { id: true, email: true, displayName: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== session.sv) return null;
  return { id: user.id, email: user.email, displayName: user.displayName };
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
