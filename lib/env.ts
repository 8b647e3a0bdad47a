import "server-only";
import { z } from "zod";
import { decodeKeyMaterial, KEY_FORMAT_HELP } from "@/lib/crypto/key-encryption-keys";
import { trustProxySchema } from "@/lib/http/trusted-proxy";
import { mailDestination } from "@/lib/email/destination";
import { databaseEnvShape } from "./db/database-env";
import { isServerActionsKey, SERVER_ACTIONS_KEY_HELP } from "./server-actions-key";

/**
 * The server's configuration, parsed once. Nothing here reaches the browser: the app has no
 * NEXT_PUBLIC_ variables.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    ...databaseEnvShape,
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters.").optional(),
    NEXTAUTH_URL: z.url({ error: "NEXTAUTH_URL must be the app's public URL." }).optional(),
    // The address the server listens on (npm start passes it on); decides whether the development outbox may exist.
    HOST: z.string().trim().min(1).optional(),
    // Email and reminders (README: "Reminders and email").
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: "SMTP_URL must be an smtp:// or smtps:// URL." })
      .optional(),
    MAIL_FROM: z.string().trim().min(3, "MAIL_FROM must be a sender address, e.g. Common Ground <hello@example.org>.").optional(),
    APP_URL: z.url({ protocol: /^https?$/, error: "APP_URL must be the app's public http(s) URL, used in email links." }).optional(),
    CRON_SECRET: z.string().min(32, "CRON_SECRET must be at least 32 characters.").optional(),
    // Encryption at rest (README: "Encryption at rest"; decision 022).
    DATA_ENCRYPTION_KEY: z
      .string()
      .refine((value) => decodeKeyMaterial(value) !== null, `DATA_ENCRYPTION_KEY must be ${KEY_FORMAT_HELP}.`)
      .optional(),
    DATA_ENCRYPTION_KEY_PREVIOUS: z
      .string()
      .refine((value) => decodeKeyMaterial(value) !== null, `DATA_ENCRYPTION_KEY_PREVIOUS must be ${KEY_FORMAT_HELP}.`)
      .optional(),
    // Read by `next build` (server action ids and their encryption); npm start requires it when it builds on a PostgreSQL server.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z
      .string()
      .refine(isServerActionsKey, `NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be ${SERVER_ACTIONS_KEY_HELP}.`)
      .optional(),
    REMINDER_DISPATCH: z
      .enum(["app", "external"], { error: "REMINDER_DISPATCH must be app (the default) or external." })
      .default("app"),
    // How often each dispatcher (the app's or the worker's) sweeps; a reminder is at most this late.
    REMINDER_SWEEP_SECONDS: z.coerce
      .number({ error: "REMINDER_SWEEP_SECONDS must be a whole number of seconds, from 5 to 3600." })
      .int("REMINDER_SWEEP_SECONDS must be a whole number of seconds, from 5 to 3600.")
      .min(5, "REMINDER_SWEEP_SECONDS must be a whole number of seconds, from 5 to 3600.")
      .max(3600, "REMINDER_SWEEP_SECONDS must be a whole number of seconds, from 5 to 3600.")
      .default(60),
    // Which proxies may report the client's address (read by scripts/serve.ts; decision 020).
    TRUST_PROXY: trustProxySchema,
  })
  // On a PostgreSQL server every process (each app instance, the worker, the scripts) must hold
  // the same secrets, whatever NODE_ENV: a file one host generates would differ on the next.
  .refine((env) => !env.DATABASE_URL || env.NEXTAUTH_SECRET, {
    message:
      "NEXTAUTH_SECRET is required on a PostgreSQL server: every instance must sign sessions and unsubscribe links with the same secret, or people are signed out at random and emailed links fail. Generate one with `openssl rand -base64 32` and set it on every instance.",
    path: ["NEXTAUTH_SECRET"],
  })
  .refine((env) => env.NODE_ENV !== "production" || env.NEXTAUTH_SECRET || env.DATABASE_URL, {
    message: "NEXTAUTH_SECRET is required in production (npm start generates one in .data/).",
    path: ["NEXTAUTH_SECRET"],
  })
  .refine((env) => !env.DATABASE_URL || env.DATA_ENCRYPTION_KEY, {
    message:
      "DATA_ENCRYPTION_KEY is required on a PostgreSQL server: every instance must encrypt with the same key, kept outside the database (generate one with `openssl rand -base64 32`).",
    path: ["DATA_ENCRYPTION_KEY"],
  })
  .refine((env) => !env.DATA_ENCRYPTION_KEY_PREVIOUS || env.DATA_ENCRYPTION_KEY, {
    message: "DATA_ENCRYPTION_KEY_PREVIOUS is only used during a rotation, next to the new DATA_ENCRYPTION_KEY.",
    path: ["DATA_ENCRYPTION_KEY_PREVIOUS"],
  })
  .superRefine((env, context) => {
    const destination = mailDestination({ smtpUrl: env.SMTP_URL, host: env.HOST });
    if (destination.kind === "refused") context.addIssue({ code: "custom", message: destination.message, path: ["SMTP_URL"] });
  });

/** The configuration, or an error naming every wrong setting (npm start checks it before migrating). */
export function checkEnvironment(env: NodeJS.ProcessEnv) {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}

let parsed: z.output<typeof envSchema> | undefined;

/** Parsed on first use (and at server start, by instrumentation.ts), never during the build. */
export function getEnv() {
  parsed ??= checkEnvironment(process.env);
  return parsed;
}
