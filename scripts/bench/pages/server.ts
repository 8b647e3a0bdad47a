import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import type { ProbeReading } from "./server-probe.ts";

/**
 * A production server under test in its own process, with server-probe.ts loaded into it to
 * report its CPU time and SQL statements: the app as `npm start` serves it (scripts/serve.ts),
 * or the bare app by `next start` from its own node_modules (one copy of Next.js per process).
 */
export const APP_SERVER = fileURLToPath(new URL("../../serve.ts", import.meta.url));
export const nextStart = (appDir: string, port: number) => ({
  script: `${appDir}/node_modules/next/dist/bin/next`,
  args: ["start", "-H", "127.0.0.1", "-p", String(port)],
});
const PROBE = fileURLToPath(new URL("./server-probe.ts", import.meta.url));

export type ServerUnderTest = {
  url: string;
  probe: () => Promise<ProbeReading>;
  /** Waits until the server has finished what it was given (after a load test, requests still in flight). */
  settle: () => Promise<void>;
  stop: () => Promise<void>;
};

const IDLE_CHECK_MS = 250;
/** Less CPU than this in a check's interval counts as idle. */
const IDLE_CPU_MICROS = 10_000;

export type Fetched = { status: number; html: string; wireBytes: number };

/**
 * One GET as a browser sends it (gzip accepted), with the body as sent and as read. A new
 * connection each time: one kept open across a load test may be closed by the server meanwhile.
 */
export function get(url: string, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: { "accept-encoding": "gzip", ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const body = Buffer.concat(chunks);
        const html = response.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body;
        resolve({ status: response.statusCode ?? 0, html: html.toString("utf8"), wireBytes: body.length });
      });
    });
    request.on("error", reject);
  });
}

async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server at ${url} exited with ${child.exitCode} before serving.`);
    const answered = await get(url, {}).then(
      (response) => response.status < 500,
      () => false,
    );
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server at ${url} did not answer within two minutes.`);
}

const definedOnly = (env: Record<string, string | undefined>) => Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));

type StartOptions = { script: string; args?: string[]; cwd: string; port: number; env: Record<string, string | undefined>; readyPath: string };

export async function startServer(options: StartOptions): Promise<ServerUnderTest> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = fork(options.script, options.args ?? [], {
    cwd: options.cwd,
    execArgv: ["--import", "tsx", "--import", PROBE],
    env: { ...definedOnly(options.env), HOST: "127.0.0.1", PORT: String(options.port), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  await waitUntilServing(`${url}${options.readyPath}`, child);
  const probe = async () => {
    child.send("probe");
    const [reading] = (await once(child, "message")) as [ProbeReading];
    return reading;
  };
  return {
    url,
    probe,
    settle: async () => {
      const deadline = Date.now() + 60_000;
      let last = await probe();
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, IDLE_CHECK_MS));
        const now = await probe();
        if (now.cpuMicros - last.cpuMicros < IDLE_CPU_MICROS) return;
        last = now;
      }
      throw new Error(`The server at ${url} stayed busy for a minute after a load test.`);
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await once(child, "exit");
    },
  };
}
