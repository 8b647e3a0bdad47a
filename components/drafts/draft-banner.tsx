import { Notice } from "@/components/ui/notice";
import { RestoredDraft } from "./restored-draft";

/** Above a form: the draft it opened with, or that the person just discarded one. */
export function DraftBanner({ target, savedAt, discarded, discardHint }: { target: string; savedAt: Date | null; discarded: boolean; discardHint: string }) {
  if (savedAt) return <RestoredDraft target={target} savedAt={savedAt.toISOString()} discardHint={discardHint} />;
  return discarded ? <Notice>Draft discarded.</Notice> : null;
}
