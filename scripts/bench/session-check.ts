import { randomUUID } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { checkSession } from "../../lib/auth/sessions.ts";
import { openAdapter, type DatabaseTarget } from "../../lib/db/adapter.ts";
import { applyPendingMigrations } from "../../lib/db/migrations.ts";
import { PrismaClient } from "../../lib/generated/prisma/client.ts";
import { scratchPostgresDatabase } from "./scratch-database.ts";

/**
 * The cost of the session check each request pays, per call: decrypting the token (next-auth's
 * JWE), the check before server-side sessions (the user by id) and the check now (the session
 * joined with its user), with 2,000 users holding 3 sessions each. On the embedded PGlite and,
 * when one answers, on PostgreSQL (TEST_DATABASE_URL, else 127.0.0.1:5432; a fresh database).
 */
const USERS = 2_000;
const SESSIONS_PER_USER = 3;
const CALLS = Number(process.env.BENCH_SESSION_CALLS ?? 2_000);
const SECRET = "bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz";

async function time(calls: number, once: (index: number) => Promise<unknown>): Promise<number> {
  for (let index = 0; index < 100; index += 1) await once(index);
  const started = performance.now();
  for (let index = 0; index < calls; index += 1) await once(index);
  return ((performance.now() - started) * 1000) / calls;
}

async function measure(label: string, target: DatabaseTarget): Promise<void> {
  const opened = openAdapter(target);
  await applyPendingMigrations(opened.factory);
  let statements = 0;
  const db = new PrismaClient({ adapter: opened.factory, log: [{ emit: "event", level: "query" }] });
  db.$on("query", () => {
    statements += 1;
  });
  try {
    const users = Array.from({ length: USERS }, (_, index) => ({
      id: randomUUID(),
      email: `bench-${index}@example.test`,
      displayName: `Bench ${index}`,
      passwordHash: "not-a-password-hash",
    }));
    await db.user.createMany({ data: users });
    const sessions = users.flatMap((user) =>
      Array.from({ length: SESSIONS_PER_USER }, () => ({ id: randomUUID(), userId: user.id, deviceLabel: "Chrome on Linux" })),
    );
    await db.userSession.createMany({ data: sessions });
    const claims = sessions.map((session) => ({ uid: session.userId, sid: session.id }));
    const token = await encode({ token: { ...claims[0], name: "Bench 0", email: "bench-0@example.test" }, secret: SECRET });

    const decrypt = await time(CALLS, () => decode({ token, secret: SECRET }));
    const before = await time(CALLS, (index) =>
      db.user.findUnique({ where: { id: claims[index % claims.length]!.uid }, select: { id: true, email: true, displayName: true } }),
    );
    statements = 0;
    const after = await time(CALLS, async (index) => {
      if (!(await checkSession(db, claims[index % claims.length]!))) throw new Error("A live session was refused.");
    });
    const perCall = statements / (CALLS + 100);

    console.log(`session-check on ${label} (${USERS} users x ${SESSIONS_PER_USER} sessions, ${CALLS} calls each)`);
    console.log(`  decrypt the token (next-auth JWE):          ${decrypt.toFixed(0)} µs/call`);
    console.log(`  before: user by id (no session record):     ${before.toFixed(0)} µs/call, 1 statement`);
    console.log(`  after:  session joined with its user:       ${after.toFixed(0)} µs/call, ${perCall.toFixed(2)} statements`);
  } finally {
    await db.$disconnect();
    await opened.close();
  }
}

export async function run(): Promise<void> {
  await measure("PGlite (in memory)", { kind: "pglite-memory" });
  const server = await scratchPostgresDatabase("bench_sessions");
  if (!server) return;
  try {
    await measure("PostgreSQL", { kind: "postgres", url: server.url });
  } finally {
    await server.drop();
  }
}
