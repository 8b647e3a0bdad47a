import "server-only";
import { getEnv } from "@/lib/env";

const LOCAL_APP_URL = "http://127.0.0.1:3000";
const DEFAULT_FROM = "Common Ground <no-reply@localhost>";

/** Where mail goes and what its links point at, from the environment (lib/env.ts validates it). */
export function mailSettings() {
  const env = getEnv();
  return {
    smtpUrl: env.SMTP_URL ?? null,
    from: env.MAIL_FROM ?? DEFAULT_FROM,
    appUrl: (env.APP_URL ?? env.NEXTAUTH_URL ?? LOCAL_APP_URL).replace(/\/+$/, ""),
  };
}

/** The development outbox exists only for the embedded default, when no SMTP server is configured. */
export function isOutboxEnabled(): boolean {
  return mailSettings().smtpUrl === null;
}
