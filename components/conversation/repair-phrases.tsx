import { REPAIR_PHRASES } from "@/lib/conversation/pause";

/** A few ways back in after a hard moment, to say or to point at. */
export function RepairPhrases() {
  return (
    <div className="space-y-2">
      <h3 className="font-medium">Ways back in</h3>
      <ul className="list-disc space-y-1 pl-6">
        {REPAIR_PHRASES.map((phrase) => (
          <li key={phrase}>{phrase}</li>
        ))}
      </ul>
    </div>
  );
}
