import "server-only";
import type { Access } from "./access";
import { listMyConsentHistory } from "./consent";
import { listDraftsInFull } from "./drafts";
import { listNotesInFull } from "./notes";
import { listSummariesInFull } from "./summaries";

/** Everything the app holds that belongs to the acting user, and nothing of anyone else's. */
export async function exportMyData(access: Access) {
  const [account, notes, summaries, sharingHistory, drafts] = await Promise.all([
    access.db.user.findUniqueOrThrow({
      where: { id: access.userId },
      select: { email: true, displayName: true, createdAt: true, timeZone: true },
    }),
    listNotesInFull(access),
    listSummariesInFull(access),
    listMyConsentHistory(access),
    listDraftsInFull(access),
  ]);
  return { exportedAt: new Date().toISOString(), account, notes, summaries, sharingHistory, drafts };
}
