import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on 127.0.0.1, for tests and the benchmark: it accepts every message and
 * parses it back (subject, text, HTML, headers, attachments). It can be stopped and started
 * again on the same port, to play a mail server that goes down and comes back.
 */
export type SmtpListener = {
  url: string;
  messages: ParsedMail[];
  /** The raw source of every message, for searching the whole thing (headers, parts, attachments). */
  raw: string[];
  stop: () => Promise<void>;
  start: () => Promise<void>;
};

/** `acceptDelayMs` answers each message that much later, like a slower mail server (senders then overlap). */
export async function startSmtpListener(options: { parse?: boolean; acceptDelayMs?: number } = {}): Promise<SmtpListener> {
  const parse = options.parse ?? true;
  const accept = (callback: (error?: Error | null) => void, error?: Error) =>
    options.acceptDelayMs ? setTimeout(() => callback(error), options.acceptDelayMs) : callback(error);
  const messages: ParsedMail[] = [];
  const raw: string[] = [];
  let port = 0;
  let server: SMTPServer | null = null;

  function create(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      // No DNS on this network: a reverse lookup of 127.0.0.1 would only wait for a time-out.
      disableReverseLookup: true,
      logger: false,
      size: 1024 * 1024,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", callback);
        stream.on("end", () => {
          const source = Buffer.concat(chunks);
          raw.push(source.toString("utf8"));
          if (!parse) return accept(callback);
          // Answer only once the message is parsed, so a resolved send means it is readable here.
          simpleParser(source).then(
            (parsed) => {
              messages.push(parsed);
              accept(callback);
            },
            (error: Error) => accept(callback, error),
          );
        });
      },
    });
  }

  async function start(): Promise<void> {
    const next = create();
    await new Promise<void>((resolve, reject) => {
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => resolve());
    });
    port = (next.server.address() as AddressInfo).port;
    server = next;
  }

  async function stop(): Promise<void> {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  }

  await start();
  return { url: `smtp://127.0.0.1:${port}`, messages, raw, stop, start };
}
