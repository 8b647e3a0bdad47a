import pg from "pg";
import { DEFAULT_POSTGRES_BOUNDS, postgresPoolConfig, type PostgresBounds } from "./adapter";

/** host:port of a PostgreSQL URL, for messages: never its user or password. */
export function serverOf(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname || "localhost"}:${port || "5432"}`;
}

/**
 * Asks the server for one trivial answer before anything else runs, so that a wrong address, a
 * stopped server or a network that swallows packets is reported in words, within the connect
 * time-out, instead of as a hang or as an engine's internal error.
 */
export async function assertPostgresAnswers(url: string, given: Partial<PostgresBounds> = {}): Promise<void> {
  const bounds = { ...DEFAULT_POSTGRES_BOUNDS, ...given };
  const config = postgresPoolConfig(url, bounds);
  const client = new pg.Client({ ...config, query_timeout: bounds.connectTimeoutMs });
  // A socket that dies after the failure below is already reported; nothing more to say.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new Error(describeFailure(url, bounds.connectTimeoutMs, error), { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}

function describeFailure(url: string, timeoutMs: number, error: unknown): string {
  const server = serverOf(url);
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED") return `Nothing answers at ${server}: is the PostgreSQL server running, and is DATABASE_URL right?`;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `The host of DATABASE_URL (${server}) cannot be found.`;
  if (/timeout|terminated/i.test(message)) {
    return `PostgreSQL at ${server} did not answer within ${timeoutMs} ms. Is the server running and reachable? (DATABASE_CONNECT_TIMEOUT_MS sets how long to wait.)`;
  }
  return `PostgreSQL at ${server} refused the connection: ${message}`;
}
