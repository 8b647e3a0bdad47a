import { getConversation, moveConversation, saveReflection, startConversation } from "@/lib/data/conversation";
import { DomainError } from "@/lib/data/errors";
import type { Db } from "@/lib/db/types";
import type { Call } from "./access-matrix";
import type { World } from "./consent-world";
import { accessFor } from "./users";

/**
 * The author starts the couple's conversation and walks it to their shared item (where the
 * world has one on the plan). Where there is no couple any more, nothing is started: the
 * entry point is then called with no conversation, as it would be.
 */
export async function conversationAtSharedItem({ db, world }: Pick<Call, "db" | "world">): Promise<void> {
  const author = accessFor(db, world.author);
  try {
    await startConversation(author);
    for (let step = 0; step < 6; step += 1) {
      const view = await getConversation(author);
      if (!view.conversation || view.conversation.item?.id === world.planItemId || !view.conversation.hasNext) return;
      await moveConversation(author, view.conversation.position, "next");
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
  }
}

/**
 * A closed conversation in the couple's history that covered the author's shared item, by its
 * consent id, as closing one writes it (written directly: closing through the data layer would
 * take the item off the plan the other entries read).
 */
export async function historyWithSharedItem({ db, world }: Pick<Call, "db" | "world">): Promise<void> {
  if (!world.consentId) return;
  const now = new Date();
  const conversation = await db.conversation.create({
    data: { coupleId: world.coupleId, startedById: world.author.id, position: "opening:0", speakerId: world.author.id, closedAt: now },
  });
  await db.conversationItem.create({ data: { conversationId: conversation.id, coupleId: world.coupleId, consentId: world.consentId, discussedAt: now } });
}

/** The author's reflection, written with their private note's words in it (so the matrix can see where those words go). */
export async function authorsReflection(db: Db, world: World): Promise<{ id: string }> {
  const existing = await db.conversationReflection.findFirst({ where: { authorId: world.author.id }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (existing) return existing;
  return saveReflection(accessFor(db, world.author), { body: `After we talked: ${world.secrets.noteBody}`, forNextSession: true, conversationId: null });
}

/** The reflection an action is aimed at: the author's own, or, when the matrix asks with a made-up id, that id. */
export async function reflectionTarget(call: Call): Promise<string> {
  return call.target === call.world.noteId ? (await authorsReflection(call.db, call.world)).id : call.target;
}
