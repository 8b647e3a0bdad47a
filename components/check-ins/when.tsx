import { formatWhen } from "@/lib/check-ins/conversations";

/** An instant in its reader's zone, with the zone named (decision 038); rendered on the server, so it never flickers. */
export function When({ at, zone, now }: { at: Date; zone: string; now: Date }) {
  return <time dateTime={at.toISOString()}>{formatWhen(at, zone, now)}</time>;
}
