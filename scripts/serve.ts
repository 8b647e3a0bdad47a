import { createServer } from "node:http";
import next from "next";
import { settleForwardingHeaders, trustProxySchema } from "../lib/http/trusted-proxy.ts";

/**
 * Serves the production build, like `next start`, with one addition: each request's client
 * address is decided here, where the socket is known (Next.js gives route handlers, server
 * actions and next-auth no socket address, and keeps any X-Forwarded-For a client sends).
 * See docs/decisions/020-rate-limits-and-client-address.md.
 */
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
const trust = trustProxySchema.safeParse(process.env.TRUST_PROXY);
if (!trust.success) {
  console.error(`Invalid environment:\n  TRUST_PROXY: ${trust.error.issues[0]?.message}`);
  process.exit(1);
}

const app = next({ dev: false, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

// As `next start` does: exit on these signals (128 + the signal's number). Listeners elsewhere
// (the reminder dispatcher) would otherwise keep Node from exiting by default.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) process.once(signal, () => process.exit(code));

createServer((request, response) => {
  settleForwardingHeaders(request, trust.data);
  handle(request, response).catch((error: unknown) => {
    console.error(`Failed to handle ${request.method} ${request.url}`, error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
}).listen(port, host, () => console.log(`Ready on http://${host}:${port}`));
