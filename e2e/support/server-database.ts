import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { assertLocalServer, databaseUrl } from "../../tests/support/database-kind";

/**
 * A fresh database on the local PostgreSQL server (TEST_DATABASE_URL), for specs that run app
 * instances on it, and rows written straight into it the way the app's own forms would leave
 * them. Names are written as plain text: `npm run db:encrypt` seals them, as it does for an
 * older database.
 */
export type ServerDatabase = { url: string; client: pg.Client; drop: () => Promise<void> };

export async function createServerDatabase(serverUrl: string, label: string): Promise<ServerDatabase> {
  assertLocalServer(serverUrl);
  const name = `planner_${label}_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = databaseUrl(serverUrl, name);
  const client = new pg.Client({ connectionString: url });
  return {
    url,
    client,
    drop: async () => {
      await client.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A cheap hash: these accounts are made for one test run. The app reads the cost from the hash. */
const CHEAP_ARGON2 = { memoryCost: 8, timeCost: 1, parallelism: 1 } as const;

export async function addAccount(client: pg.Client, account: { email: string; displayName: string; password: string }): Promise<void> {
  await client.query(`INSERT INTO "User" ("id", "email", "displayName", "passwordHash", "emailVerifiedAt") VALUES ($1, $2, $3, $4, now())`, [
    randomUUID(),
    account.email,
    account.displayName,
    await hash(account.password, CHEAP_ARGON2),
  ]);
}

const LEAD_MINUTES = 60;

/**
 * `count` couples with a weekly check-in 59 minutes from now (UTC), both partners verified and
 * with the 1-hour reminder chosen but email reminders still off: once they turn them on, every
 * partner's reminder is due at once. Returns their addresses.
 */
export async function addCouplesWithCheckInSoon(client: pg.Client, count: number, now = new Date()): Promise<string[]> {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  const checkIn = new Date(minute + (LEAD_MINUTES - 1) * 60_000);
  const weekday = ((checkIn.getUTCDay() + 6) % 7) + 1;
  const localTime = checkIn.toISOString().slice(11, 16);
  const startsOn = new Date(checkIn.getTime() - 7 * 24 * 60 * 60_000).toISOString().slice(0, 10);

  const couples = Array.from({ length: count }, () => ({ id: randomUUID(), members: [randomUUID(), randomUUID()] }));
  const userIds = couples.flatMap((couple) => couple.members);
  const emails = userIds.map((id) => `partner-${id}@scale-out.example`);
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "User" ("id", "email", "displayName", "passwordHash", "emailVerifiedAt")
       SELECT id, email, 'Partner', 'not a password hash', now() FROM unnest($1::text[], $2::text[]) AS t(id, email)`,
      [userIds, emails],
    );
    await client.query(`INSERT INTO "Couple" ("id") SELECT unnest($1::text[])`, [couples.map((couple) => couple.id)]);
    await client.query(`INSERT INTO "CoupleMember" ("userId", "coupleId") SELECT * FROM unnest($1::text[], $2::text[])`, [
      userIds,
      couples.flatMap((couple) => [couple.id, couple.id]),
    ]);
    await client.query(
      `INSERT INTO "CheckInSchedule" ("coupleId", "cadence", "weekday", "localTime", "timeZone", "startsOn", "updatedAt")
       SELECT id, 'WEEKLY', $2, $3, 'UTC', $4::date, now() FROM unnest($1::text[]) AS t(id)`,
      [couples.map((couple) => couple.id), weekday, localTime, startsOn],
    );
    await client.query(
      `INSERT INTO "ReminderPreference" ("userId", "emailEnabled", "leadMinutes", "updatedAt")
       SELECT id, false, ARRAY[$2::int], now() FROM unnest($1::text[]) AS t(id)`,
      [userIds, LEAD_MINUTES],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return emails;
}

/** `npm run db:encrypt`, as an operator runs it: seals the names written above as plain text. */
export function encryptInPlace(env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/db/encrypt.ts"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`db:encrypt failed (exit ${code}):\n${output}`)))),
  );
}
