import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CAPS } from "@/lib/limits/caps";
import type { MyCouple } from "./couples";
import { DomainError } from "./errors";

/**
 * A shared item is on the plan only while its consent stands (C3): the rule below is in every
 * query of the plan.
 */
export function planItemsVisibleIn(couple: Pick<MyCouple, "id">) {
  return { coupleId: couple.id, OR: [{ consentId: null }, { consent: { withdrawnAt: null } }] };
}

/**
 * Locks the couple's plan for one addition (additions then run one at a time, so neither the
 * cap nor the positions can be overtaken by a concurrent one) and says whether `adding` more
 * items fit under the cap, and from which position.
 */
async function roomOnPlan(tx: Prisma.TransactionClient, couple: Pick<MyCouple, "id">, adding: number) {
  await tx.$queryRaw`SELECT "id" FROM "Couple" WHERE "id" = ${couple.id} FOR NO KEY UPDATE`;
  const [onPlan, { _max }] = await Promise.all([
    tx.planItem.count({ where: planItemsVisibleIn(couple) }),
    tx.planItem.aggregate({ where: { coupleId: couple.id }, _max: { position: true } }),
  ]);
  return { onPlan, fits: onPlan + adding <= CAPS.planItems, position: (_max.position ?? -1) + 1 };
}

/** As roomOnPlan, refusing when the items do not fit; returns the next free position. */
export async function makeRoomOnPlan(tx: Prisma.TransactionClient, couple: Pick<MyCouple, "id">, adding: number): Promise<number> {
  const room = await roomOnPlan(tx, couple, adding);
  if (!room.fits) {
    throw new DomainError(
      "cap-reached",
      `Your plan holds ${room.onPlan} items and can hold ${CAPS.planItems}. Remove some you have talked about to make room.`,
    );
  }
  return room.position;
}

/**
 * Puts a shared item at the end of the agenda if there is room, as part of the caller's
 * transaction (sharing with "let's talk about it"). Returns false, changing nothing, when the
 * plan is full: the share still stands, and the author is told it could not go on the agenda.
 */
export async function placeOnAgendaIfRoom(tx: Prisma.TransactionClient, couple: Pick<MyCouple, "id">, consentId: string, authorId: string): Promise<boolean> {
  const room = await roomOnPlan(tx, couple, 1);
  if (!room.fits) return false;
  await tx.planItem.create({ data: { coupleId: couple.id, addedById: authorId, consentId, position: room.position } });
  return true;
}
