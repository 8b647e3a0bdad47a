import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/**
 * The JavaScript each route makes a browser download on its first load, from the production
 * build's own diagnostics (`.next/diagnostics/route-bundle-stats.json`; builds first if there is
 * none). Prints raw and gzip sizes, and how much each route adds to what every route shares.
 */
const STATS = ".next/diagnostics/route-bundle-stats.json";

type RouteStats = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function build(): void {
  const result = spawnSync(path.resolve("node_modules/.bin/next"), ["build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SKIP_BUILD_TYPECHECK: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status}).`);
}

export async function run(): Promise<void> {
  if (!existsSync(STATS)) build();
  const routes = (JSON.parse(readFileSync(STATS, "utf8")) as RouteStats[]).sort((a, b) => a.route.localeCompare(b.route));
  const gzipped = new Map<string, number>();
  const gzipSize = (chunk: string) => {
    if (!gzipped.has(chunk)) gzipped.set(chunk, gzipSync(readFileSync(chunk), { level: 9 }).length);
    return gzipped.get(chunk)!;
  };
  const shared = routes
    .map((route) => new Set(route.firstLoadChunkPaths))
    .reduce((common, chunks) => new Set([...common].filter((chunk) => chunks.has(chunk))));
  const sharedGzip = [...shared].reduce((sum, chunk) => sum + gzipSize(chunk), 0);

  console.log(`First-load JavaScript per route (shared by every route: ${kib(sharedGzip)} gzip)\n`);
  console.table(
    routes.map((route) => {
      const gzip = route.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipSize(chunk), 0);
      return {
        route: route.route,
        raw: kib(route.firstLoadUncompressedJsBytes),
        gzip: kib(gzip),
        "own (gzip)": kib(gzip - sharedGzip),
      };
    }),
  );
}
