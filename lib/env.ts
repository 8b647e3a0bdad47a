import "server-only";
import { z } from "zod";

/**
 * The server's configuration, parsed once. Nothing here reaches the browser: the app has no
 * NEXT_PUBLIC_ variables.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.url({ error: "DATABASE_URL must be a postgres:// URL." }).optional(),
    PGLITE_DATA_DIR: z.string().min(1).optional(),
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters.").optional(),
    NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL must be the app's public URL." }).optional(),
  })
  .refine((env) => env.NODE_ENV !== "production" || env.NEXTAUTH_SECRET, {
    message: "NEXTAUTH_SECRET is required in production (npm start generates one in .data/).",
    path: ["NEXTAUTH_SECRET"],
  });

function parseEnv() {
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}

let parsed: z.output<typeof envSchema> | undefined;

/** Parsed on first use (and at server start, by instrumentation.ts), never during the build. */
export function getEnv() {
  parsed ??= parseEnv();
  return parsed;
}
