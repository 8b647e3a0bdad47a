import "server-only";
import type { Access } from "./access";
import { listNotesInFull } from "./notes";

/** Everything the app holds that belongs to the acting user, and nothing of anyone else's. */
export async function exportMyData(access: Access) {
  const [account, notes] = await Promise.all([
    access.db.user.findUniqueOrThrow({
      where: { id: access.userId },
      select: { email: true, displayName: true, createdAt: true },
    }),
    listNotesInFull(access),
  ]);
  return { exportedAt: new Date().toISOString(), account, notes };
}
