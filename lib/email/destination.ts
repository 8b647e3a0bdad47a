/**
 * Where the app's mail goes, decided in one place from two settings (lib/email/config.ts obeys
 * it, scripts/start.ts prints it). The development outbox shows mail in the app itself, so it
 * may exist only where nobody but the person at this machine can reach the app: never next to a
 * real mail server, never on a server that listens beyond loopback.
 */
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "[::1]", "localhost"]);

export const DEFAULT_HOST = "127.0.0.1";

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.trim().toLowerCase());
}

export type MailDestination =
  | { kind: "smtp"; server: string }
  | { kind: "outbox" }
  | { kind: "refused"; message: string };

export function mailDestination(settings: { smtpUrl?: string | null; host?: string | null }): MailDestination {
  const host = settings.host || DEFAULT_HOST;
  if (settings.smtpUrl) {
    // Only host and port: the URL may carry a user name and password.
    const url = new URL(settings.smtpUrl);
    return { kind: "smtp", server: `${url.protocol}//${url.host}` };
  }
  if (isLoopbackHost(host)) return { kind: "outbox" };
  return {
    kind: "refused",
    message: `HOST=${host} makes the app reachable beyond this machine, where the development outbox would let other people read mail meant for someone else. Set SMTP_URL to a mail server, or listen on 127.0.0.1.`,
  };
}
