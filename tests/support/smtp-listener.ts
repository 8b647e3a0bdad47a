import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on 127.0.0.1, for tests and the benchmark: it accepts every message and
 * parses it back (subject, text, HTML, headers, attachments). It can be stopped and started
 * again on the same port, to play a mail server that goes down and comes back, and told to
 * refuse messages or to answer slowly.
 */
export type SmtpRefusal = {
  /** A 5xx code is a refusal for good, a 4xx one "try again later". */
  code: number;
  message: string;
  /** "RCPT": the recipient is refused before any content is sent; "DATA": the whole message is read, then refused. */
  at: "RCPT" | "DATA";
};

export type SmtpListener = {
  url: string;
  messages: ParsedMail[];
  /** The raw source of every message accepted, for searching the whole thing (headers, parts, attachments). */
  raw: string[];
  /** While set, every message is refused so. */
  refusal: SmtpRefusal | null;
  /** Every refused attempt: its recipients, and its raw source when it was refused after DATA. */
  refused: { to: string[]; raw: string | null }[];
  /** How long the server waits before answering a message's DATA. */
  answerAfterMs: number;
  stop: () => Promise<void>;
  start: () => Promise<void>;
};

function smtpError(refusal: SmtpRefusal): Error {
  return Object.assign(new Error(refusal.message), { responseCode: refusal.code });
}

/** `answerAfterMs` sets the listener's first answer delay, like a slower mail server (senders then overlap). */
export async function startSmtpListener(options: { parse?: boolean; answerAfterMs?: number } = {}): Promise<SmtpListener> {
  const parse = options.parse ?? true;
  let port = 0;
  let server: SMTPServer | null = null;
  const listener: SmtpListener = {
    url: "",
    messages: [],
    raw: [],
    refusal: null,
    refused: [],
    answerAfterMs: options.answerAfterMs ?? 0,
    stop,
    start,
  };

  function create(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      // No DNS on this network: a reverse lookup of 127.0.0.1 would only wait for a time-out.
      disableReverseLookup: true,
      logger: false,
      size: 1024 * 1024,
      onRcptTo(address, _session, callback) {
        const refusal = listener.refusal;
        if (refusal?.at !== "RCPT") return callback();
        listener.refused.push({ to: [address.address], raw: null });
        callback(smtpError(refusal));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", callback);
        stream.on("end", () => setTimeout(() => answer(Buffer.concat(chunks), session.envelope.rcptTo.map((rcpt) => rcpt.address), callback), listener.answerAfterMs));
      },
    });
  }

  function answer(source: Buffer, to: string[], callback: (error?: Error | null) => void): void {
    const refusal = listener.refusal;
    if (refusal?.at === "DATA") {
      listener.refused.push({ to, raw: source.toString("utf8") });
      return callback(smtpError(refusal));
    }
    listener.raw.push(source.toString("utf8"));
    if (!parse) return callback();
    // Answer only once the message is parsed, so a resolved send means it is readable here.
    simpleParser(source).then(
      (parsed) => {
        listener.messages.push(parsed);
        callback();
      },
      (error: Error) => callback(error),
    );
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
  listener.url = `smtp://127.0.0.1:${port}`;
  return listener;
}
