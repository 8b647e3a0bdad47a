import "server-only";
import { isValidTimeZone } from "@/lib/check-ins/occurrences";
import type { Access } from "./access";
import { DomainError } from "./errors";

/**
 * The zone a person reads times in (decision 038): theirs alone. Their pages and their reminder
 * emails show times in it; a partner's zone is never read for them.
 */
export async function getMyTimeZone(access: Access): Promise<string | null> {
  const me = await access.db.user.findUniqueOrThrow({ where: { id: access.userId }, select: { timeZone: true } });
  return me.timeZone;
}

function refuseUnknownZone(zone: string): void {
  if (!isValidTimeZone(zone)) throw new DomainError("invalid", "Choose a time zone from the list.");
}

/** Sets the acting user's zone, as chosen on /account. */
export async function setMyTimeZone(access: Access, zone: string): Promise<void> {
  refuseUnknownZone(zone);
  await access.db.user.update({ where: { id: access.userId }, data: { timeZone: zone } });
}

/**
 * Keeps the zone the browser reported, unless the person already has one: a zone they chose
 * is never overwritten by a device that happens to be elsewhere. Returns whether it was kept.
 */
export async function rememberMyTimeZone(access: Access, zone: string): Promise<boolean> {
  refuseUnknownZone(zone);
  const { count } = await access.db.user.updateMany({ where: { id: access.userId, timeZone: null }, data: { timeZone: zone } });
  return count > 0;
}
