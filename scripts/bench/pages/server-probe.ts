import { subscribe } from "node:diagnostics_channel";
import process from "node:process";
import pg from "pg";

/**
 * Loaded into a benchmarked server process with `--import` (scripts/bench/pages.ts forks it):
 * counts the SQL statements the process sends to a PostgreSQL server (the app's driver is
 * `pg`, kept outside the Next.js bundle, so this is the instance the app uses) and the HTTP
 * requests it receives, and answers "probe" messages with those counts and the process's own
 * CPU time. Changes nothing else.
 */
export type ProbeReading = { statements: number; requests: number; cpuMicros: number };

let statements = 0;
let requests = 0;
subscribe("http.server.request.start", () => {
  requests += 1;
});
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

process.on("message", (message) => {
  if (message !== "probe") return;
  const { user, system } = process.cpuUsage();
  process.send?.({ statements, requests, cpuMicros: user + system } satisfies ProbeReading);
});
