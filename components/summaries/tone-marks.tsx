/** The words that set the tone check off, each marked, so the author knows where to look. */
export function ToneMarks({ triggers }: { triggers: string[] }) {
  if (triggers.length === 0) return null;
  return (
    <p>
      The words that may read that way:{" "}
      {triggers.map((trigger, index) => (
        <span key={trigger}>
          {index > 0 ? ", " : null}
          <mark className="rounded bg-amber-200 px-1 text-amber-950 dark:bg-amber-700 dark:text-white">{trigger}</mark>
        </span>
      ))}
      .
    </p>
  );
}
