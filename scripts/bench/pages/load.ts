import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Load from wrk (Debian's `wrk` package): a C load generator that keeps N connections busy
 * with a fraction of the CPU a Node.js one would take from the server on a small machine, and
 * whose Lua hook reports any percentile (here the 95th) from its full latency histogram.
 */
export type LoadResult = { requests: number; seconds: number; p50Ms: number; p95Ms: number; failed: number };

const REPORT = `done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format('{"requests":%d,"micros":%d,"p50":%d,"p95":%d,"failed":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    errors.connect + errors.read + errors.write + errors.timeout + errors.status))
end
`;

export function assertWrkInstalled(): void {
  const found = spawnSync("wrk", ["--version"], { encoding: "utf8" });
  if (found.error) throw new Error("The pages benchmark needs wrk: `apt-get install -y wrk` (Debian).");
}

export function loadTest(url: string, headers: Record<string, string>, options: { connections: number; seconds: number }): LoadResult {
  const folder = mkdtempSync(path.join(tmpdir(), "bench-wrk-"));
  try {
    const script = path.join(folder, "report.lua");
    writeFileSync(script, REPORT);
    const headerArgs = Object.entries(headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]);
    const args = ["-t1", `-c${options.connections}`, `-d${options.seconds}s`, "--timeout", "60s", "-s", script, ...headerArgs, url];
    const run = spawnSync("wrk", args, { encoding: "utf8" });
    const report = run.stdout.trim().split("\n").at(-1) ?? "";
    if (run.status !== 0 || !report.startsWith("{")) throw new Error(`wrk failed on ${url}: ${run.stderr || run.stdout}`);
    const parsed = JSON.parse(report) as { requests: number; micros: number; p50: number; p95: number; failed: number };
    return { requests: parsed.requests, seconds: parsed.micros / 1e6, p50Ms: parsed.p50 / 1000, p95Ms: parsed.p95 / 1000, failed: parsed.failed };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
