import "server-only";
import type { TherapyRole } from "@/lib/generated/prisma/client";
import type { Access } from "./access";

/**
 * Who is in therapy, as the acting user says: theirs to read and change, and nobody else's.
 * Nothing that reads for a partner selects it (getMyCouple reads a partner's name only).
 */
export async function getMyTherapyRole(access: Access): Promise<TherapyRole | null> {
  const me = await access.db.user.findUniqueOrThrow({ where: { id: access.userId }, select: { therapyRole: true } });
  return me.therapyRole;
}

/** Sets or changes the acting user's answer; null clears it ("I'd rather not say"). */
export async function setMyTherapyRole(access: Access, role: TherapyRole | null): Promise<void> {
  await access.db.user.update({ where: { id: access.userId }, data: { therapyRole: role } });
}
