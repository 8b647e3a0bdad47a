/** The author's own label for a draft, drawn apart from the headline so it never reads as part of what is shared. */
export function PrivateLabel({ label }: { label: string | null }) {
  if (!label) return null;
  return (
    <span
      data-private-label
      className="inline-block rounded-md border border-dashed border-stone-500 px-1.5 py-0.5 text-xs font-medium text-stone-800 dark:border-stone-400 dark:text-stone-100"
    >
      <span className="sr-only">Your private label: </span>
      {label}
    </span>
  );
}
