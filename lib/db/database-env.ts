import { z } from "zod";

/**
 * The database settings, one definition for the server's configuration check (lib/env.ts) and
 * for the scripts that open the database without the server (npm start, db:migrate, the worker).
 */
const waitLimit = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a number of milliseconds.` })
    .int(`${name} must be a whole number of milliseconds.`)
    .min(100, `${name} must be at least 100 ms.`)
    .max(600_000, `${name} must be at most 600000 ms (ten minutes).`)
    .default(fallback);

export const databaseEnvShape = {
  DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      error: "DATABASE_URL must be a postgres:// (or postgresql://) URL: PostgreSQL is the only database server the app runs on.",
    })
    .optional(),
  PGLITE_DATA_DIR: z.string().min(1).optional(),
  DATABASE_CONNECT_TIMEOUT_MS: waitLimit("DATABASE_CONNECT_TIMEOUT_MS", 5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: waitLimit("DATABASE_STATEMENT_TIMEOUT_MS", 15_000),
};

const databaseEnvSchema = z.object(databaseEnvShape);

export type DatabaseEnv = z.output<typeof databaseEnvSchema>;

/** The database settings, or an error naming each wrong one. */
export function parseDatabaseEnv(env: NodeJS.ProcessEnv): DatabaseEnv {
  const result = databaseEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
  throw new Error(`Invalid database configuration:\n${problems}`);
}
