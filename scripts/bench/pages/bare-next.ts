import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The floor: a bare Next.js app of one page, rendered per request like every page of ours, with
 * the same Next.js and React as this checkout. Written to .data/ (ignored by git, lint and the
 * type check), built once per Next.js version, and served by scripts/serve.ts like the app.
 * Turbopack compiles only what is under its root and takes the checkout's root (the nearest
 * lockfile above) unless told otherwise, which would build our instrumentation.ts into the
 * bare app: so the bare app is its own root, with a hard-linked copy of node_modules.
 */
export const BARE_NEXT_DIR = path.resolve(".data/bench/bare-next");

const FILES: Record<string, string> = {
  "package.json": JSON.stringify({ name: "bare-next", private: true, type: "module" }),
  "next.config.mjs": "export default { poweredByHeader: false, turbopack: { root: import.meta.dirname } };\n",
  "app/layout.jsx": `export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.jsx": `import { connection } from "next/server";

export default async function Page() {
  await connection();
  return (
    <main>
      <h1>A bare page</h1>
      <p>Rendered on each request, as every page of the app is.</p>
    </main>
  );
}
`,
};

const nextVersion = (root: string) => {
  const file = path.join(root, "node_modules/next/package.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version : null;
};

/** Builds the bare app unless a build with this checkout's Next.js is there already. */
export function buildBareNext(): void {
  const built = existsSync(path.join(BARE_NEXT_DIR, ".next/BUILD_ID")) && nextVersion(BARE_NEXT_DIR) === nextVersion(".");
  if (built) return;
  rmSync(BARE_NEXT_DIR, { recursive: true, force: true });
  mkdirSync(BARE_NEXT_DIR, { recursive: true });
  const copied = spawnSync("cp", ["-al", path.resolve("node_modules"), path.join(BARE_NEXT_DIR, "node_modules")], { stdio: "inherit" });
  if (copied.status !== 0) throw new Error("Could not link node_modules into the bare app.");
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(BARE_NEXT_DIR, file)), { recursive: true });
    writeFileSync(path.join(BARE_NEXT_DIR, file), text);
  }
  const result = spawnSync(path.join(BARE_NEXT_DIR, "node_modules/.bin/next"), ["build"], { cwd: BARE_NEXT_DIR, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`next build of the bare page failed (exit ${result.status}).`);
}
