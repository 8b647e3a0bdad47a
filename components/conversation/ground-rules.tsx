import Link from "next/link";

/** The couple's agreed shape and ground rules, as both of them see them. */
export function GroundRules({ rules, steps }: { rules: readonly string[]; steps: readonly string[] }) {
  return (
    <details className="rounded-xl border border-stone-200 p-4 dark:border-stone-800">
      <summary className="cursor-pointer font-medium">Our ground rules</summary>
      <div className="space-y-3 pt-3">
        <ul className="list-disc space-y-1 pl-6">
          {rules.map((rule, index) => (
            <li key={`${index}:${rule}`}>{rule}</li>
          ))}
        </ul>
        {steps.length ? (
          <>
            <p className="font-medium">We open with</p>
            <ol className="list-decimal space-y-1 pl-6">
              {steps.map((step, index) => (
                <li key={`${index}:${step}`}>{step}</li>
              ))}
            </ol>
          </>
        ) : null}
        <p className="text-sm">
          <Link href="/conversation/rules">Change them together</Link>
        </p>
      </div>
    </details>
  );
}
