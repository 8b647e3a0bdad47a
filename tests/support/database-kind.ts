/** Which database a test project runs against (set per vitest project in vitest.config.ts). */
export type TestDatabaseKind = "pglite" | "postgres";

/** Tests may create and drop databases: only ever on this machine. */
export function assertLocalServer(url: string): void {
  const { hostname } = new URL(url);
  if (!["127.0.0.1", "localhost", "::1", "[::1]", ""].includes(hostname)) {
    throw new Error(`TEST_DATABASE_URL must point at a server on this machine, not ${hostname}: tests create and drop databases.`);
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
