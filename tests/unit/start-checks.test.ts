import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { closedPort, silentServer } from "../support/unreachable-db";

const SHARED_SECRETS = {
  NEXTAUTH_SECRET: "start-check-secret-0123456789abcdefghijkl",
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

type StartOptions = { flags?: string[]; cwd?: string };

/**
 * `npm start` (scripts/start.ts), as far as its checks: it stops before building or serving.
 * `undefined` leaves a variable out.
 */
function start(
  env: Record<string, string | undefined>,
  { flags = ["--skip-build"], cwd }: StartOptions = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = path.resolve("node_modules/.bin/tsx");
  // tsx finds the project's path aliases from any working directory.
  const given = { NODE_ENV: "production", PATH: process.env.PATH ?? "", TSX_TSCONFIG_PATH: path.resolve("tsconfig.json"), ...SHARED_SECRETS, ...env };
  const child = spawn(tsx, ["--conditions=react-server", path.resolve("scripts/start.ts"), ...flags, "--no-demo"], {
    cwd,
    env: { NODE_ENV: "production", ...Object.fromEntries(Object.entries(given).filter((entry): entry is [string, string] => entry[1] !== undefined)) },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("npm start's checks before it migrates", { timeout: 30_000 }, () => {
  it("refuses a DATABASE_URL that is not PostgreSQL, saying so, before touching any database", async () => {
    const { code, stdout, stderr } = await start({ DATABASE_URL: "mysql://planner@127.0.0.1:3306/planner" });
    expect(code).toBe(1);
    expect(stderr).toContain("DATABASE_URL must be a postgres:// (or postgresql://) URL");
    expect(stdout).not.toContain("Database:");
  });

  it("names every wrong setting at once", async () => {
    const { code, stderr } = await start({ DATABASE_URL: "postgres://planner@127.0.0.1/planner", APP_URL: "ftp://example.org", DATABASE_STATEMENT_TIMEOUT_MS: "soon" });
    expect(code).toBe(1);
    expect(stderr).toContain("APP_URL:");
    expect(stderr).toContain("DATABASE_STATEMENT_TIMEOUT_MS must be a number of milliseconds.");
  });

  it("says nothing answers at a closed port", async () => {
    const { code, stdout, stderr } = await start({ DATABASE_URL: `postgres://planner@127.0.0.1:${await closedPort()}/planner` });
    expect(code).toBe(1);
    expect(stdout).toMatch(/Database: PostgreSQL at 127\.0\.0\.1:\d+\./);
    expect(stderr).toMatch(/Nothing answers at 127\.0\.0\.1:\d+/);
    expect(stderr).not.toContain("planner@");
  });

  it("on a PostgreSQL server, refuses to start without NEXTAUTH_SECRET, and makes no secret of its own", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "start-check-"));
    const { code, stdout, stderr } = await start({ DATABASE_URL: `postgres://planner@127.0.0.1:${await closedPort()}/planner`, NEXTAUTH_SECRET: undefined }, { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain("NEXTAUTH_SECRET is required on a PostgreSQL server: every instance must sign sessions and unsubscribe links with the same secret");
    expect(stdout).not.toContain("Database:");
    expect(existsSync(path.join(cwd, ".data/auth-secret"))).toBe(false);
  });

  it("on a PostgreSQL server, refuses to start without DATA_ENCRYPTION_KEY, and makes no key file", async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), "start-check-"));
    const { code, stderr } = await start({ DATABASE_URL: `postgres://planner@127.0.0.1:${await closedPort()}/planner`, DATA_ENCRYPTION_KEY: undefined }, { cwd });
    expect(code).toBe(1);
    expect(stderr).toContain("DATA_ENCRYPTION_KEY is required on a PostgreSQL server: every instance must encrypt with the same key");
    expect(existsSync(path.join(cwd, ".data/encryption-key"))).toBe(false);
  });

  it("on a PostgreSQL server, refuses to build without NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, and serves a build made elsewhere without it", async () => {
    const database = `postgres://planner@127.0.0.1:${await closedPort()}/planner`;
    const building = await start({ DATABASE_URL: database }, { flags: [] });
    expect(building.code).toBe(1);
    expect(building.stderr).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY is required to build on a PostgreSQL server");
    expect(building.stdout).not.toContain("Database:");

    // With --skip-build it goes on, to the database (which does not answer here).
    const serving = await start({ DATABASE_URL: database });
    expect(serving.stderr).not.toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
    expect(serving.stderr).toMatch(/Nothing answers at 127\.0\.0\.1:\d+/);
  });

  it("refuses a NEXT_SERVER_ACTIONS_ENCRYPTION_KEY that is not an AES key in base64", async () => {
    const { code, stderr } = await start({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "not-a-key" });
    expect(code).toBe(1);
    expect(stderr).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be an AES key in base64");
  });

  it("stops after the connect time-out, with a message, when the server accepts and never answers", async () => {
    const silent = await silentServer();
    try {
      const { code, stderr } = await start({ DATABASE_URL: silent.url, DATABASE_CONNECT_TIMEOUT_MS: "500" });
      expect(code).toBe(1);
      expect(stderr).toMatch(/did not answer within 500 ms.*DATABASE_CONNECT_TIMEOUT_MS/);
    } finally {
      await silent.close();
    }
  });
});
