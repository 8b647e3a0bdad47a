import { chmodSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { z } from "zod";
import { OWNER_ONLY_FILE_MODE } from "./owner-only";

/**
 * While a process holds the embedded data folder, nobody else may open it, so `npm run
 * db:backup` asks the holder for a copy instead (decision 024). The channel is a Unix socket
 * beside the folder, `<folder>.backup.sock`, mode 0600 in the owner-only `.data/`: only the
 * account running the app can connect. One request, one answer: a header line, then the bytes.
 */
const MAX_SOCKET_PATH = 107; // sun_path on Linux, less its terminating zero
const MAX_REQUEST_BYTES = 1024;
const TIMEOUT_MS = 120_000;

const requestSchema = z.object({ request: z.literal("pglite-data-dump") }).strict();
const headerSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), bytes: z.number().int().nonnegative() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

export function backupSocketOf(folder: string): string {
  return `${path.resolve(folder)}.backup.sock`;
}

export type BackupServer = { close: () => Promise<void> };

/**
 * Answers backup requests with a dump of the whole data folder (PGlite's dumpDataDir, gzip).
 * PGlite runs one statement at a time and dumps between two of them, so the copy is the
 * folder exactly as a crash at that moment would leave it: PostgreSQL recovers it on opening,
 * with every transaction committed before the request and none of those still open.
 * Must be called by the holder of the folder's lock (a leftover socket file is removed).
 */
export function serveBackups(pglite: PGlite, folder: string): BackupServer {
  const socketPath = backupSocketOf(folder);
  if (socketPath.length > MAX_SOCKET_PATH) {
    console.error(`Backups while the app runs are unavailable: ${socketPath} is longer than a Unix socket path may be. Use a shorter PGLITE_DATA_DIR.`);
    return { close: async () => {} };
  }
  rmSync(socketPath, { force: true });
  const server = net.createServer((socket) => answer(socket, pglite));
  server.on("error", (error) => console.error(`Backups while the app runs are unavailable (${socketPath}):`, error));
  server.listen(socketPath, () => chmodSync(socketPath, OWNER_ONLY_FILE_MODE));
  // The channel serves the process while it runs; it never keeps a finished script alive.
  server.unref();
  return {
    close: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
      }),
  };
}

function answer(socket: net.Socket, pglite: PGlite): void {
  socket.setTimeout(TIMEOUT_MS, () => socket.destroy());
  socket.on("error", (error) => console.error("Backup channel: the client went away.", error));
  let received = "";
  const onData = (chunk: Buffer) => {
    received += chunk.toString("utf8");
    const newline = received.indexOf("\n");
    if (newline < 0 && received.length <= MAX_REQUEST_BYTES) return;
    socket.off("data", onData);
    const parsed = newline < 0 ? null : parseRequest(received.slice(0, newline));
    if (!parsed) {
      socket.end(`${JSON.stringify({ ok: false, error: "Unknown request." })}\n`);
      return;
    }
    pglite.waitReady
      .then(() => pglite.dumpDataDir("gzip"))
      .then(async (dump) => {
        const bytes = Buffer.from(await dump.arrayBuffer());
        socket.write(`${JSON.stringify({ ok: true, bytes: bytes.length })}\n`);
        socket.end(bytes);
      })
      .catch((error: unknown) => {
        console.error("Backup channel: the dump failed.", error);
        socket.end(`${JSON.stringify({ ok: false, error: `The running app could not dump the database: ${String(error)}` })}\n`);
      });
  };
  socket.on("data", onData);
}

function parseRequest(line: string): z.infer<typeof requestSchema> | null {
  try {
    const result = requestSchema.safeParse(JSON.parse(line));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

/** Asks the process holding `folder` for a dump of it; resolves to the gzip'd tar PGlite's loadDataDir reads. */
export function requestBackupFromHolder(folder: string): Promise<Buffer> {
  const socketPath = backupSocketOf(folder);
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(socketPath);
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error(`The running app did not answer within ${TIMEOUT_MS / 1000} s.`)));
    const chunks: Buffer[] = [];
    socket.on("connect", () => socket.write(`${JSON.stringify({ request: "pglite-data-dump" })}\n`));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (error: NodeJS.ErrnoException) => {
      const unreachable = error.code === "ENOENT" || error.code === "ECONNREFUSED";
      reject(unreachable ? new Error(`The process holding ${folder} does not answer backup requests at ${socketPath} (${error.code}).`) : error);
    });
    socket.on("end", () => {
      try {
        resolve(readAnswer(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function readAnswer(answer: Buffer): Buffer {
  const newline = answer.indexOf("\n");
  if (newline < 0) throw new Error("The running app closed the backup channel without an answer.");
  const header = headerSchema.parse(JSON.parse(answer.subarray(0, newline).toString("utf8")));
  if (!header.ok) throw new Error(header.error);
  const body = answer.subarray(newline + 1);
  if (body.length !== header.bytes) throw new Error(`The backup arrived incomplete (${body.length} of ${header.bytes} bytes).`);
  return body;
}
