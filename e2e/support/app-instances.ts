import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));

/**
 * App instances started the way a deployment starts them: `npm start -- --skip-build` on the
 * build `npm test` already made, each on a port of its own, sharing whatever `env` names
 * (a database, secrets, a mail server).
 */
export type AppInstance = { name: string; url: string; output: () => string; stop: () => Promise<void> };

/** A port nothing listens on now, chosen by the system (so parallel runs never collide). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** Resolves once the instance serves; rejects with its output if it stops or takes too long. */
export async function startAppInstance(name: string, env: Record<string, string>, timeoutMs = 150_000): Promise<AppInstance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Nothing of this machine's own app configuration: only what `env` gives.
  const inherited = { ...process.env };
  for (const name of ["DATABASE_URL", "TRUST_PROXY", "APP_URL", "PGLITE_DATA_DIR", "SEED_DEMO", "CRON_SECRET", "REMINDER_DISPATCH"]) delete inherited[name];
  // Its own process group, so stopping it stops the server it starts too.
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/start.ts", "--skip-build", "--no-demo"], {
    cwd: REPOSITORY,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...inherited, HOST: "127.0.0.1", PORT: String(port), NEXTAUTH_URL: url, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    process.kill(-child.pid, "SIGTERM");
    const forced = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 10_000);
    await exited(child);
    clearTimeout(forced);
  };

  await new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const watch = setInterval(() => {
      if (output.includes("Common Ground is running at")) {
        clearInterval(watch);
        clearTimeout(deadline);
        resolve();
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(watch);
      clearTimeout(deadline);
      reject(new Error(`${name} stopped (exit ${code}) before serving:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { name, url, output: () => output, stop };
}
