import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

/**
 * `npm run screenshots`: builds the app, then has Playwright take the README's screenshots from
 * it (e2e/screenshots.spec.ts, demo couple, fresh embedded database) into docs/screenshots/.
 */
const outputDir = path.resolve("docs/screenshots");
mkdirSync(outputDir, { recursive: true });

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(path.resolve("node_modules/.bin", command), args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run("next", ["build"], { NEXT_TELEMETRY_DISABLED: "1", SKIP_BUILD_TYPECHECK: "1" });
run("playwright", ["test", "e2e/screenshots.spec.ts"], { SCREENSHOT_DIR: outputDir });
console.log(`Screenshots written to ${path.relative(process.cwd(), outputDir)}/.`);
