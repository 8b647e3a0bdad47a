import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openAdapter } from "@/lib/db/adapter";
import { assertPostgresAnswers } from "@/lib/db/postgres-reachability";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { closedPort, silentServer } from "../support/unreachable-db";
import { createTestDb, type TestDb } from "../support/test-db";
import { createUser } from "../support/users";

/**
 * Every wait on a PostgreSQL server ends with an error in seconds: a server that does not
 * answer, a row locked by someone else, a transaction left open. (The embedded database has
 * one connection in the app's own process; these waits cannot happen there.)
 */
const onPostgres = process.env.TEST_DB_KIND === "postgres";

describe.runIf(onPostgres)("waits on PostgreSQL", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ postgresBounds: { statementTimeoutMs: 800, idleInTransactionTimeoutMs: 800 } });
  });
  afterAll(() => t.close());

  it("runs each connection with the configured time-outs", async () => {
    const [settings] = await t.db.$queryRaw<{ statement: string; idle: string }[]>`
      SELECT current_setting('statement_timeout') AS statement,
             current_setting('idle_in_transaction_session_timeout') AS idle`;
    expect(settings).toEqual({ statement: "800ms", idle: "800ms" });
  });

  it("gives up on a row another connection holds locked, with the server's reason", async () => {
    const user = await createUser(t.db, "Robin");
    const attempt = t.db.$transaction(async (holder) => {
      // The holder is exempt from the time-outs, so only the waiting side can end the wait.
      await holder.$executeRaw`SET LOCAL statement_timeout = 0`;
      await holder.$executeRaw`SET LOCAL idle_in_transaction_session_timeout = 0`;
      await holder.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;
      return t.db.user
        .update({ where: { id: user.id }, data: { displayName: "Blocked" } })
        .then(() => "updated" as const)
        .catch((error: unknown) => error);
    }, { timeout: 20_000 });
    const outcome = await attempt;
    expect(outcome).toBeInstanceOf(Error);
    expect(String(outcome)).toMatch(/statement timeout/i);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ displayName: "Robin" });
  });

  it("ends a transaction left idle, releasing its locks, and the next request still works", async () => {
    const user = await createUser(t.db, "Sam");
    const abandoned = t.db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "User" WHERE "id" = ${user.id} FOR UPDATE`;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await tx.user.update({ where: { id: user.id }, data: { displayName: "Never" } });
    }, { timeout: 20_000 });
    await expect(abandoned).rejects.toThrow();
    await t.db.user.update({ where: { id: user.id }, data: { displayName: "Sam again" } });
    expect(await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ displayName: "Sam again" });
  });
});

/** A loopback relay to the real server that can stop passing bytes, as a network partition does. */
async function partitionableRelay(serverUrl: string) {
  const target = new URL(serverUrl);
  const state = { partitioned: false };
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const server = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.on("error", () => socket.destroy());
    }
    client.on("data", (chunk) => state.partitioned || server.write(chunk));
    server.on("data", (chunk) => state.partitioned || client.write(chunk));
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const url = new URL(serverUrl);
  url.host = `127.0.0.1:${(relay.address() as net.AddressInfo).port}`;
  return {
    url: url.toString(),
    partition: () => (state.partitioned = true),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
    },
  };
}

describe.runIf(onPostgres)("a network partition in the middle of a request", () => {
  it("fails the request on this side within the statement time-out and a little more", async () => {
    const relay = await partitionableRelay(inject("postgresTemplate").serverUrl);
    const opened = openAdapter({ kind: "postgres", url: relay.url, bounds: { statementTimeoutMs: 500 } });
    const db = new PrismaClient({ adapter: opened.factory });
    try {
      expect(await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      relay.partition();
      // No answer ever comes back: only the app's own read time-out can end this wait.
      await expect(db.$queryRaw`SELECT 2`).rejects.toThrow(/timeout/i);
    } finally {
      await db.$disconnect();
      await opened.close().catch(() => undefined);
      await relay.close();
    }
  });
});

describe("a PostgreSQL server that is not there", () => {
  it("is named, in words, when nothing listens at its address", async () => {
    const url = `postgres://planner@127.0.0.1:${await closedPort()}/planner`;
    await expect(assertPostgresAnswers(url)).rejects.toThrow(/^Nothing answers at 127\.0\.0\.1:\d+: is the PostgreSQL server running/);
  });

  it("is given up on after the connect time-out when it accepts and never answers", async () => {
    const silent = await silentServer();
    try {
      await expect(assertPostgresAnswers(silent.url, { connectTimeoutMs: 500 })).rejects.toThrow(/did not answer within 500 ms/);
      const opened = openAdapter({ kind: "postgres", url: silent.url, bounds: { connectTimeoutMs: 500 } });
      const db = new PrismaClient({ adapter: opened.factory });
      // The app's own queries fail too, instead of waiting for ever.
      await expect(db.user.count()).rejects.toBeInstanceOf(Error);
      await db.$disconnect();
      await opened.close();
    } finally {
      await silent.close();
    }
  });
});

