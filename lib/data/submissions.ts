import "server-only";
import { createHash } from "node:crypto";
import { isUniqueViolation } from "./transactions";

/**
 * One item per submission of a form. Each rendering of a create form carries a fresh random
 * key; the item is stored with a digest of that key and of what was sent, unique per author in
 * the database. A double submit or a retry after a lost answer sends the same key and the same
 * words, so it finds the item the first one made. A form reused with other words (Back, then a
 * second note) makes a new item: nothing anyone typed is ever dropped as a "duplicate".
 */
export function submissionKey(formKey: string | null | undefined, sent: unknown): string | null {
  if (!formKey) return null;
  return createHash("sha256").update(formKey).update("\0").update(JSON.stringify(sent)).digest("base64url");
}

/** Runs `create`; when the database refuses it as a repeat of a submission, answers with what that one made. */
export async function createOnce<T>(key: string | null, create: () => Promise<T>, madeBefore: (key: string) => Promise<T | null>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    if (!key || !isUniqueViolation(error)) throw error;
    const existing = await madeBefore(key);
    if (!existing) throw error;
    return existing;
  }
}
