import { SharedItemCard, viewOfSnapshot } from "@/components/sharing/shared-item-card";
import { DEPTHS, FRAMINGS, RESPONSE_WISHES, SHARE_REASONS } from "@/lib/content/guidance";
import { snapshotOf, type Snapshot } from "@/lib/consent/shared-words";
import type { ResponseWish, ShareReason, SummaryDepth, SummaryFraming } from "@/lib/generated/prisma/enums";

const isKeyOf = <T extends object>(choices: T, value: unknown): value is keyof T & string => typeof value === "string" && Object.hasOwn(choices, value);

/**
 * What sharing would record for the form as it stands, cut to the depth chosen: the same
 * snapshotOf the share step previews and binds (decision 014). Null until the form says enough.
 */
export function snapshotOfForm(form: HTMLFormElement): Snapshot | null {
  const data = new FormData(form);
  const read = (name: string) => String(data.get(name) ?? "").trim();
  const depth = data.get("depth");
  const framing = data.get("framing");
  const title = read("title");
  if (!title || !isKeyOf(DEPTHS, depth) || !isKeyOf(FRAMINGS, framing)) return null;
  const responseWish = data.get("responseWish");
  return snapshotOf(
    {
      title,
      body: read("body"),
      framing: framing as SummaryFraming,
      whyReasons: data.getAll("whyReasons").filter((reason) => isKeyOf(SHARE_REASONS, reason)) as ShareReason[],
      whyText: read("whyText") || null,
      responseWish: isKeyOf(RESPONSE_WISHES, responseWish) ? (responseWish as ResponseWish) : null,
    },
    depth as SummaryDepth,
  );
}

/** The composer's live preview: advisory; the share step shows it again and binds it. */
export function DraftPreview({ snapshot, authorName }: { snapshot: Snapshot | null; authorName: string }) {
  return (
    <section aria-labelledby="draft-preview-heading" className="space-y-2">
      <h2 id="draft-preview-heading" className="text-base font-semibold">
        What your partner would read if you shared it now
      </h2>
      {snapshot ? (
        // What the author asks of the partner is chosen on the share step, not here.
        <SharedItemCard item={{ ...viewOfSnapshot(snapshot), intent: null }} authorName={authorName} />
      ) : (
        <p className="text-sm text-stone-600 dark:text-stone-400">Write a headline to see it here.</p>
      )}
      <p className="text-sm text-stone-600 dark:text-stone-400">Saving shares nothing. You see this again, exactly, before you share.</p>
    </section>
  );
}
