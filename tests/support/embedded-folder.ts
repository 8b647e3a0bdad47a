import { fork, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { createFolderPGlite } from "@/lib/db/pglite-folder-fs";

/** A new temporary folder to put embedded data folders in. */
export function temporaryRoot(): string {
  return mkdtempSync(path.join(tmpdir(), "planner-folder-"));
}

/** An embedded data folder holding the migrated schema (from the run's snapshot: no initdb). */
export async function makeMigratedFolder(folder: string): Promise<void> {
  mkdirSync(path.dirname(folder), { recursive: true });
  const pglite = createFolderPGlite(folder, { loadDataDir: new Blob([readFileSync(inject("pgliteSnapshotPath"))]) });
  await pglite.waitReady;
  await pglite.close();
}

export type Holder = { child: ChildProcess; pid: number; committed: () => number; waitForCommits: (n: number) => Promise<void>; stop: () => Promise<void> };

/** Another process holding `folder` open as the app does (tests/support/folder-holder.ts), once PostgreSQL answers in it. */
export async function startHolder(folder: string, mode: "hold" | "write"): Promise<Holder> {
  const script = fileURLToPath(new URL("./folder-holder.ts", import.meta.url));
  const child = fork(script, [folder, mode], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let committed = 0;
  const waiters = new Set<() => void>();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const pid = await new Promise<number>((resolve, reject) => {
    child.on("message", (message: { ready?: number; committed?: number }) => {
      if (message.ready) resolve(message.ready);
      if (message.committed) {
        committed = message.committed;
        for (const wake of waiters) wake();
      }
    });
    child.once("exit", (code, signal) => reject(new Error(`The holder process ended before it was ready (${code ?? signal}).`)));
  });
  return {
    child,
    pid,
    committed: () => committed,
    waitForCommits: (n) =>
      new Promise((resolve) => {
        const check = () => {
          if (committed < n) return;
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
