/**
 * `npm run bench [-- NAME ...]`: runs the named benchmarks, or all of them. Each lives in
 * scripts/bench/ and exports run(), which prints its own figures. Speed is measured here,
 * never asserted in tests.
 */
import process from "node:process";

const benchmarks: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  encryption: () => import("./bench/encryption.ts"),
  fsync: () => import("./bench/fsync.ts"),
  pages: () => import("./bench/pages.ts"),
  reminders: () => import("./bench/reminders.ts"),
  "reminders-reclaim": () => import("./bench/reminders-reclaim.ts"),
  "route-js": () => import("./bench/route-js.ts"),
  "session-check": () => import("./bench/session-check.ts"),
};

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Known: ${Object.keys(benchmarks).join(", ")}.`);
  process.exit(1);
}
for (const name of requested.length ? requested : Object.keys(benchmarks)) {
  const benchmark = await benchmarks[name]!();
  await benchmark.run();
}
