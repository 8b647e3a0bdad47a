/** How a summary's state reads to its author. */
export function sharingLabel(sharing: { editedSinceShared: boolean } | null): string {
  if (!sharing) return "Private";
  return sharing.editedSinceShared ? "Shared (edited since: your partner sees the earlier version)" : "Shared";
}
