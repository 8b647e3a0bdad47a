import "server-only";
import type { Access } from "./access";

export type MyCouple = { id: string; partner: { id: string; displayName: string } | null; conversationAt: Date | null };

/** The acting user's current couple, with their partner's name: all a partner ever learns of the other's account. */
export async function getMyCouple(access: Access): Promise<MyCouple | null> {
  const membership = await access.db.coupleMember.findUnique({
    where: { userId: access.userId },
    select: {
      couple: {
        select: {
          id: true,
          endedAt: true,
          conversationAt: true,
          members: { select: { user: { select: { id: true, displayName: true } } } },
        },
      },
    },
  });
  const couple = membership?.couple;
  if (!couple || couple.endedAt) return null;
  const partner = couple.members.map((member) => member.user).find((user) => user.id !== access.userId) ?? null;
  return { id: couple.id, partner, conversationAt: couple.conversationAt };
}
