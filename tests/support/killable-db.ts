import type { Db } from "@/lib/db/types";

/**
 * A database handle that can be cut off, to play a process killed mid-sweep: after kill(),
 * every query through it waits for ever, so nothing that process would have written (a claim's
 * renewal, a row marked sent) lands, while the database stays up for everyone else.
 */
export function killableDb(db: Db): { db: Db; kill: () => void } {
  let killed = false;
  const never = new Promise<never>(() => {});
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property) {
        const value: unknown = Reflect.get(object, property);
        if (typeof value === "function") return (...args: unknown[]) => (killed ? never : value.apply(object, args));
        if (value && typeof value === "object") return wrap(value);
        return value;
      },
    });
  return {
    db: wrap(db),
    kill: () => {
      killed = true;
    },
  };
}
