import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { startSession } from "../../lib/auth/sessions.ts";
import { keyEncryptionKey } from "../../lib/crypto/key-encryption-keys.ts";
import { openAdapter, type DatabaseTarget } from "../../lib/db/adapter.ts";
import { createDbClient } from "../../lib/db/create-client.ts";
import { applyPendingMigrations } from "../../lib/db/migrations.ts";
import { scratchPostgresDatabase } from "./scratch-database.ts";
import { BARE_NEXT_DIR, buildBareNext } from "./pages/bare-next.ts";
import { assertWrkInstalled, loadTest } from "./pages/load.ts";
import { ITEMS_PER_LIST, seedFullLists } from "./pages/seed.ts";
import { APP_SERVER, get, nextStart, startServer, type ServerUnderTest } from "./pages/server.ts";

/**
 * The signed-in pages with every list full (200 notes, summaries, shared items and plan items;
 * pages/seed.ts), served by the production build, on PostgreSQL (a fresh database on the local
 * server) and on the embedded default, next to a bare Next.js page served on the same machine
 * at the same time. One table: per page, SQL statements per request, HTML size, the server's
 * own CPU time per request (one request at a time), and throughput and p95 latency with 50
 * connections (wrk); each also as a ratio to the same server's /about, its cheapest page,
 * measured in rounds alternating with the page (the machine may be busy with other work,
 * and differently so from minute to minute), and to the bare page, so runs compare.
 *
 * Env: BENCH_PAGES_SECONDS (load per page, default 15), BENCH_PAGES_PORT (default 3230; the
 * bare page uses the next one), BENCH_PAGES_SKIP_BUILD=1 (serve the existing .next build).
 */
const SECONDS = Number(process.env.BENCH_PAGES_SECONDS ?? 15);
const CONNECTIONS = 50;
/** Each page is measured in rounds alternating with /about, so both see the same machine. */
const ROUNDS = 3;
const SEQUENTIAL_PER_ROUND = 15;
/** Requests to every page before any is measured: the first ones run code not yet optimised. */
const WARM_UP = 30;
const PORT = Number(process.env.BENCH_PAGES_PORT ?? 3230);
const REFERENCE = "/about";
// The home page too: every sign-in lands there, and it names what is new on the lists below it.
const PAGES = ["/", "/notes", "/summaries", "/shared", "/plan"];
const SECRET = `bench-only-secret-${randomBytes(16).toString("hex")}`;

type Measured = {
  label: string;
  path: string;
  statements: number | null;
  htmlBytes: number;
  wireBytes: number;
  cpuMs: number;
  loadCpuMs: number;
  requestsPerSecond: number;
  p95Ms: number;
  /** This page's figure against /about's in the alternate rounds: CPU in all of them, the median round's p95. */
  cpuToReference: number;
  p95ToReference: number;
};

type Round = { cpuMicros: number; statements: number; requests: number; seconds: number; p95Ms: number; loadCpuMicros: number; served: number };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const sum = (rounds: Round[], key: keyof Round) => rounds.reduce((total, round) => total + round[key], 0);

/** One round of a page: requests one at a time (CPU, statements), then under load (p95, CPU). */
async function round(server: ServerUnderTest, url: string, headers: Record<string, string>): Promise<Round> {
  const before = await server.probe();
  for (let index = 0; index < SEQUENTIAL_PER_ROUND; index += 1) await get(url, headers);
  const after = await server.probe();
  const load = loadTest(url, headers, { connections: CONNECTIONS, seconds: SECONDS / ROUNDS });
  // What the server still does for requests wrk gave up waiting for belongs to this round.
  await server.settle();
  const loaded = await server.probe();
  if (load.failed) throw new Error(`${load.failed} of ${load.requests} requests to ${url} failed under load.`);
  if (!load.requests) throw new Error(`No request to ${url} finished within ${SECONDS / ROUNDS} s under load: the machine is too busy to measure.`);
  return {
    cpuMicros: after.cpuMicros - before.cpuMicros,
    statements: after.statements - before.statements,
    requests: load.requests,
    seconds: load.seconds,
    p95Ms: load.p95Ms,
    loadCpuMicros: loaded.cpuMicros - after.cpuMicros,
    // Every request the load sent, finished in wrk's time or after (settle waited for them).
    served: loaded.requests - after.requests,
  };
}

async function warmUp(server: ServerUnderTest, paths: string[], headers: Record<string, string>): Promise<void> {
  for (let index = 0; index < WARM_UP; index += 1) for (const path of paths) await get(`${server.url}${path}`, headers);
}

/** A page, and (unless it is the reference itself) /about in alternate rounds beside it. */
async function measurePage(server: ServerUnderTest, label: string, pagePath: string, headers: Record<string, string>, countsStatements: boolean): Promise<Measured> {
  const url = `${server.url}${pagePath}`;
  const reference = pagePath === REFERENCE || label === "bare Next.js" ? null : `${server.url}${REFERENCE}`;
  const first = await get(url, headers);
  if (first.status !== 200) throw new Error(`${url} answered ${first.status}, not 200.`);
  const rounds: Round[] = [];
  const references: Round[] = [];
  for (let index = 0; index < ROUNDS; index += 1) {
    if (reference) references.push(await round(server, reference, headers));
    rounds.push(await round(server, url, headers));
  }
  console.error(`pages: ${label} ${pagePath} measured (${sum(rounds, "requests")} requests under load)`);
  return {
    label,
    path: pagePath,
    statements: countsStatements ? sum(rounds, "statements") / (ROUNDS * SEQUENTIAL_PER_ROUND) : null,
    htmlBytes: Buffer.byteLength(first.html),
    wireBytes: first.wireBytes,
    cpuMs: sum(rounds, "cpuMicros") / 1000 / (ROUNDS * SEQUENTIAL_PER_ROUND),
    loadCpuMs: sum(rounds, "loadCpuMicros") / 1000 / sum(rounds, "served"),
    requestsPerSecond: sum(rounds, "requests") / sum(rounds, "seconds"),
    p95Ms: median(rounds.map((one) => one.p95Ms)),
    cpuToReference: reference ? sum(rounds, "cpuMicros") / sum(references, "cpuMicros") : 1,
    p95ToReference: reference ? median(rounds.map((one, index) => one.p95Ms / references[index]!.p95Ms)) : 1,
  };
}

/** Seeds the full lists and signs the bench user in: the cookie a browser would hold. */
async function seed(target: DatabaseTarget, kek: Buffer): Promise<Record<string, string>> {
  const opened = openAdapter(target);
  try {
    await applyPendingMigrations(opened.factory);
    const db = createDbClient(opened.factory, { keys: { current: keyEncryptionKey(kek), previous: null } });
    const { user } = await seedFullLists(db);
    const sessionId = await startSession(db, user.id, "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36");
    const token = await encode({ token: { uid: user.id, sid: sessionId, name: user.displayName, email: user.email }, secret: SECRET });
    await db.$disconnect();
    return { cookie: `next-auth.session-token=${token}` };
  } finally {
    await opened.close();
  }
}

async function measureApp(label: string, target: DatabaseTarget, database: Record<string, string | undefined>): Promise<Measured[]> {
  const kek = randomBytes(32);
  const headers = await seed(target, kek);
  const server = await startServer({
    script: APP_SERVER,
    cwd: process.cwd(),
    port: PORT,
    readyPath: "/about",
    env: {
      ...process.env,
      ...database,
      NEXTAUTH_URL: `http://127.0.0.1:${PORT}`,
      NEXTAUTH_SECRET: SECRET,
      DATA_ENCRYPTION_KEY: kek.toString("base64url"),
      // No background work in the measured process: reminders are someone else's job here.
      REMINDER_DISPATCH: "external",
      TRUST_PROXY: undefined,
    },
  });
  try {
    const plan = await get(`${server.url}/plan`, headers);
    if (!plan.html.includes("How we split the chores (199)")) throw new Error("/plan does not show the bench user's 200 items: not signed in?");
    await warmUp(server, [REFERENCE, ...PAGES], headers);
    const measured: Measured[] = [];
    for (const pagePath of [REFERENCE, ...PAGES]) measured.push(await measurePage(server, label, pagePath, headers, target.kind === "postgres"));
    return measured;
  } finally {
    await server.stop();
  }
}

function build(): void {
  if (process.env.BENCH_PAGES_SKIP_BUILD === "1") return;
  const result = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SKIP_BUILD_TYPECHECK: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status}).`);
}

const kb = (bytes: number) => Math.round(bytes / 1024);
const ratio = (value: number, base: number) => Number((value / base).toFixed(1));

export async function run(): Promise<void> {
  assertWrkInstalled();
  build();
  buildBareNext();
  const rows: Measured[] = [];

  const bare = await startServer({ ...nextStart(BARE_NEXT_DIR, PORT + 1), cwd: BARE_NEXT_DIR, port: PORT + 1, readyPath: "/", env: { ...process.env } });
  try {
    await warmUp(bare, ["/"], {});
    rows.push(await measurePage(bare, "bare Next.js", "/", {}, false));
  } finally {
    await bare.stop();
  }

  const server = await scratchPostgresDatabase("bench_pages");
  if (server) {
    try {
      rows.push(...(await measureApp("PostgreSQL", { kind: "postgres", url: server.url }, { DATABASE_URL: server.url })));
    } finally {
      await server.drop();
    }
  }

  const folder = path.resolve(`.data/bench/pglite-${randomBytes(4).toString("hex")}`);
  mkdirSync(folder, { recursive: true });
  try {
    rows.push(...(await measureApp("embedded", { kind: "pglite", dataDir: folder }, { DATABASE_URL: undefined, PGLITE_DATA_DIR: folder })));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const floor = rows[0]!;
  console.log(
    `\npages: ${ITEMS_PER_LIST} items in every list, signed in. CPU: the server process's own per request, one at a time ("@50": under load).` +
      ` Load: wrk, ${CONNECTIONS} connections, ${SECONDS} s per page in ${ROUNDS} rounds, each beside a round of ${REFERENCE};` +
      ` "x about" compares with those rounds of /about (CPU: all of them; p95: the median round), "x bare" with the bare page measured first.`,
  );
  console.table(
    rows.map((row) => ({
      database: row.label,
      page: row.path,
      statements: row.statements === null ? "-" : Number(row.statements.toFixed(1)),
      "HTML KB": kb(row.htmlBytes),
      "gzip KB": kb(row.wireBytes),
      "CPU ms": Number(row.cpuMs.toFixed(1)),
      "CPU x about": ratio(row.cpuToReference, 1),
      "CPU x bare": ratio(row.cpuMs, floor.cpuMs),
      "CPU ms @50": Number(row.loadCpuMs.toFixed(1)),
      "req/s": Math.round(row.requestsPerSecond),
      "p95 ms": Math.round(row.p95Ms),
      "p95 x about": ratio(row.p95ToReference, 1),
      "p95 x bare": ratio(row.p95Ms, floor.p95Ms),
    })),
  );
  const cutOff = rows.filter((row) => row.p95Ms > (SECONDS * 1000) / ROUNDS / 2);
  if (cutOff.length) {
    console.log(
      `p95 of ${cutOff.map((row) => `${row.label} ${row.path}`).join(", ")} is near the length of a round (${SECONDS / ROUNDS} s),` +
        " so slower requests went unmeasured: raise BENCH_PAGES_SECONDS to see their p95.",
    );
  }
}
