import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkEnvironment } from "@/lib/env";

/**
 * On a PostgreSQL server several processes share one database: every app instance, the
 * reminder worker, the scripts. Each must be given the same session secret and encryption
 * key, in every mode, since a secret one host made for itself would not match the next one's.
 */
const SERVER = "postgres://app@db.example:5432/app";
const SECRET = "a-shared-session-secret-0123456789abcdef";
const KEY = Buffer.alloc(32, 3).toString("base64");

function problems(env: NodeJS.ProcessEnv): string {
  try {
    checkEnvironment(env);
    return "";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe("secrets every process on one PostgreSQL server must share", () => {
  it("refuses a missing NEXTAUTH_SECRET outside production too (the worker, npm run dev), saying why", () => {
    const message = problems({ NODE_ENV: "development", DATABASE_URL: SERVER, DATA_ENCRYPTION_KEY: KEY });
    expect(message).toContain("NEXTAUTH_SECRET is required on a PostgreSQL server: every instance must sign sessions and unsubscribe links with the same secret");
  });

  it("refuses a missing DATA_ENCRYPTION_KEY outside production too", () => {
    const message = problems({ NODE_ENV: "development", DATABASE_URL: SERVER, NEXTAUTH_SECRET: SECRET });
    expect(message).toContain("DATA_ENCRYPTION_KEY is required on a PostgreSQL server");
  });

  it("names a missing secret once in production", () => {
    const message = problems({ NODE_ENV: "production", DATABASE_URL: SERVER, DATA_ENCRYPTION_KEY: KEY });
    expect(message.match(/NEXTAUTH_SECRET:/g)).toHaveLength(1);
  });

  it("accepts a server configuration that has both", () => {
    expect(problems({ NODE_ENV: "production", DATABASE_URL: SERVER, NEXTAUTH_SECRET: SECRET, DATA_ENCRYPTION_KEY: KEY })).toBe("");
  });

  it("asks for nothing on the embedded default outside production", () => {
    expect(problems({ NODE_ENV: "development" })).toBe("");
  });

  it("the reminder worker stops with the reason, not a stack trace, when the session secret is missing", { timeout: 30_000 }, async () => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/reminders-worker.ts"], {
      env: { NODE_ENV: "development", PATH: process.env.PATH ?? "", DATABASE_URL: SERVER, DATA_ENCRYPTION_KEY: KEY },
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("NEXTAUTH_SECRET is required on a PostgreSQL server");
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
