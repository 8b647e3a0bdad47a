import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * `npm test`: every check, stopping after the first stage with a failure, with its exit code.
 * First typecheck and lint side by side (neither runs a test, so sharing the cores times
 * nothing out), then the production build (not beside the typecheck: the build rewrites the
 * route types in .next/types that tsc reads), then vitest (unit, PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set), then Playwright against that build. Ends with a summary table and one plain line,
 * "N passed, N failed", counting vitest's and Playwright's tests together.
 */

type Counts = { passed: number; failed: number; skipped: number };

type Step = {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** Reads the runner's JSON report, for steps that run tests. */
  counts?: () => Counts;
};

type Outcome = { name: string; exitCode: number; seconds: number; counts?: Counts };

const reports = mkdtempSync(path.join(tmpdir(), "planner-test-reports-"));
const vitestReport = path.join(reports, "vitest.json");
const playwrightReport = path.join(reports, "playwright.json");

function readJson(file: string): unknown {
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

function vitestCounts(): Counts {
  const report = readJson(vitestReport) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | null;
  if (!report) return { passed: 0, failed: 0, skipped: 0 };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(): Counts {
  const report = readJson(playwrightReport) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
  if (!report) return { passed: 0, failed: 0, skipped: 0 };
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

/** Steps of one stage run side by side; the next stage starts when all of them have passed. */
const stages: Step[][] = [
  [
    { name: "typecheck", command: ["tsc", "--noEmit"] },
    { name: "lint", command: ["eslint", "--max-warnings=0", "."] },
  ],
  // Types are checked by the typecheck step; the build does not check them again.
  [{ name: "build", command: ["next", "build"], env: { NEXT_TELEMETRY_DISABLED: "1", SKIP_BUILD_TYPECHECK: "1" } }],
  [
    {
      name: "vitest",
      command: ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
      counts: vitestCounts,
    },
  ],
  [
    {
      name: "playwright",
      command: ["playwright", "test", "--reporter=list,json"],
      env: { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightReport },
      counts: playwrightCounts,
    },
  ],
];
const steps = stages.flat();

function heading(step: Step): string {
  return `\n▶ ${step.name}: ${step.command.join(" ")}${process.env.TEST_DATABASE_URL && step.name === "vitest" ? " (PGlite and PostgreSQL)" : ""}\n`;
}

/**
 * Runs one step. A step alone in its stage prints as it goes; one beside others has its output
 * kept and printed whole when it ends, so that no two steps' lines interleave.
 */
function run(step: Step, alone: boolean): Promise<number> {
  const [command, ...args] = step.command;
  if (alone) console.log(heading(step));
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin", command!), args, {
      stdio: alone ? "inherit" : ["ignore", "pipe", "pipe"],
      env: { ...process.env, ...step.env },
    });
    const output: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (!alone) process.stdout.write(heading(step) + "\n" + Buffer.concat(output).toString());
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function printSummary(outcomes: Outcome[]): void {
  const rows = outcomes.map((outcome) => [
    outcome.name,
    outcome.exitCode === 0 ? "ok" : `FAILED (exit ${outcome.exitCode})`,
    `${outcome.seconds.toFixed(1)} s`,
    outcome.counts ? `${outcome.counts.passed} passed, ${outcome.counts.failed} failed` : "",
  ]);
  const skippedSteps = steps.slice(outcomes.length).map((step) => [step.name, "not run", "", ""]);
  const table = [["step", "result", "time", "tests"], ...rows, ...skippedSteps];
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)));
  console.log("\nSummary");
  for (const row of table) console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join("   ").trimEnd()}`);

  const total = outcomes.reduce<Counts>(
    (sum, outcome) => ({
      passed: sum.passed + (outcome.counts?.passed ?? 0),
      failed: sum.failed + (outcome.counts?.failed ?? 0),
      skipped: sum.skipped + (outcome.counts?.skipped ?? 0),
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
  console.log(`  total time ${((performance.now() - startedAt) / 1000).toFixed(1)} s (steps of one stage run side by side)\n`);
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
}

async function runTimed(step: Step, alone: boolean): Promise<Outcome> {
  const started = performance.now();
  const exitCode = await run(step, alone);
  return { name: step.name, exitCode, seconds: (performance.now() - started) / 1000, counts: step.counts?.() };
}

const startedAt = performance.now();
const outcomes: Outcome[] = [];
let exitCode = 0;
try {
  for (const stage of stages) {
    outcomes.push(...(await Promise.all(stage.map((step) => runTimed(step, stage.length === 1)))));
    exitCode = outcomes.find((outcome) => outcome.exitCode !== 0)?.exitCode ?? 0;
    if (exitCode !== 0) break;
  }
} finally {
  printSummary(outcomes);
  rmSync(reports, { recursive: true, force: true });
}
process.exit(exitCode);
