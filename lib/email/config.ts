import "server-only";
import { getEnv } from "@/lib/env";
import { mailDestination } from "./destination";

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

/** The development outbox exists only with no SMTP server, on a server that listens on loopback alone (destination.ts). */
export function isOutboxEnabled(): boolean {
  const env = getEnv();
  return mailDestination({ smtpUrl: env.SMTP_URL, host: env.HOST }).kind === "outbox";
}
