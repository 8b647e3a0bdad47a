/** Who reads a field, said on the field itself, so the author never has to guess. */
export type Audience = "partner" | "only-me";

export const AUDIENCE_LABELS: Record<Audience, string> = {
  partner: "Your partner reads this",
  "only-me": "Only you see this",
};

export function AudienceTag({ audience }: { audience: Audience }) {
  const look =
    audience === "partner"
      ? "border-teal-700 text-teal-900 dark:border-teal-400 dark:text-teal-100"
      : "border-dashed border-stone-500 text-stone-800 dark:border-stone-400 dark:text-stone-100";
  return (
    <span data-audience={audience} className={`mr-2 inline-block rounded-md border px-1.5 py-0.5 text-xs font-semibold ${look}`}>
      {AUDIENCE_LABELS[audience]}
    </span>
  );
}

/** A field's hint led by who reads it. */
export function audienceHint(audience: Audience, hint?: string) {
  return (
    <>
      <AudienceTag audience={audience} />
      {hint}
    </>
  );
}
