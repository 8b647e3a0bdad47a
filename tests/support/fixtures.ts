import type { Access } from "@/lib/data/access";
import { acceptInvite, createInvite } from "@/lib/data/couples";
import type { Db } from "@/lib/db/types";
import { accessFor, createUser } from "./users";

/** Two users linked as a couple through the real invite flow, and a stranger outside it. */
export async function createCoupleAndStranger(db: Db): Promise<{ author: Access; partner: Access; stranger: Access; coupleId: string }> {
  const [author, partner, stranger] = await Promise.all(
    ["Sam", "Alex", "Robin"].map(async (name) => accessFor(db, await createUser(db, name))),
  );
  if (!author || !partner || !stranger) throw new Error("Creating the test users failed.");
  const invite = await createInvite(author);
  const { coupleId } = await acceptInvite(partner, invite.token);
  return { author, partner, stranger, coupleId };
}
