import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { closedPort, silentServer } from "../support/unreachable-db";

/** A valid key-encryption key, as a PostgreSQL deployment must set (decision 022). */
const DATA_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");

/** `npm start` (scripts/start.ts), as far as its checks: it stops before building or serving. */
function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const child = spawn(tsx, ["--conditions=react-server", "scripts/start.ts", "--skip-build", "--no-demo"], {
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", NEXTAUTH_SECRET: "start-check-secret-0123456789abcdefghijkl", DATA_ENCRYPTION_KEY, ...env },
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
