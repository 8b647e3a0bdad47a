import type { Access } from "@/lib/data/access";
import { acceptInvite, createInvite } from "@/lib/data/couples";
import type { Db } from "@/lib/db/types";

let counter = 0;

/** A user with an account and nothing else; the password hash is a placeholder (no sign-in). */
export async function createUser(db: Db, name = "User"): Promise<Access> {
  counter += 1;
  const user = await db.user.create({
    data: { email: `${name.toLowerCase()}-${counter}-${Date.now()}@test.example`, displayName: name, passwordHash: "not-a-hash" },
    select: { id: true },
  });
  return { db, userId: user.id };
}

/** Two users linked as a couple through the real invite flow, and a stranger outside it. */
export async function createCoupleAndStranger(db: Db) {
  const author = await createUser(db, "Sam");
  const partner = await createUser(db, "Alex");
  const stranger = await createUser(db, "Robin");
  const invite = await createInvite(author);
  const { coupleId } = await acceptInvite(partner, invite.token);
  return { author, partner, stranger, coupleId };
}
