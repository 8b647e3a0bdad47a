import "server-only";
import type { Db } from "@/lib/db/types";
import type { KeyRing } from "./key-ring";

/**
 * Rewraps every data key not yet under the current key-encryption key. The text is not
 * touched: only the 32-byte data keys are sealed again. Servers keep running meanwhile, with
 * both keys configured, so any key opens whichever way it is wrapped at that moment. Each key
 * is updated on its own, only if still wrapped as read, so the step can be run again.
 */
export async function rewrapDataKeys(db: Db, ring: KeyRing, batchSize = 500): Promise<number> {
  const current = ring.keks.current.id;
  let rewrapped = 0;
  for (let after = ""; ; ) {
    const stored = await db.dataKey.findMany({
      where: { kekId: { not: current }, id: { gt: after } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, wrappedKey: true, kekId: true },
    });
    if (!stored.length) return rewrapped;
    for (const key of stored) {
      const { count } = await db.dataKey.updateMany({ where: { id: key.id, kekId: key.kekId }, data: ring.wrap(key.id, ring.unwrap(key)) });
      rewrapped += count;
    }
    after = stored[stored.length - 1]!.id;
  }
}
