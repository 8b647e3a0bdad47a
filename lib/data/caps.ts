import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CAPS } from "@/lib/limits/caps";
import { DomainError } from "./errors";

type Capped = "notes" | "summaries";

const REFUSALS: Record<Capped, string> = {
  notes: `You keep ${CAPS.notes.toLocaleString("en")} notes, the most one person can keep. Delete some you no longer need to write a new one.`,
  summaries: `You keep ${CAPS.summaries.toLocaleString("en")} summaries, the most one person can keep. Delete some you no longer need to write a new one.`,
};

/**
 * Before one more of the user's own notes or summaries is created: locks the user's row, so
 * creations run one at a time and none can overtake the cap, then refuses at the cap.
 */
export async function assertRoomFor(tx: Prisma.TransactionClient, userId: string, kind: Capped): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${userId} FOR NO KEY UPDATE`;
  const held = kind === "notes" ? await tx.note.count({ where: { authorId: userId } }) : await tx.summary.count({ where: { authorId: userId } });
  if (held >= CAPS[kind]) throw new DomainError("cap-reached", REFUSALS[kind]);
}
