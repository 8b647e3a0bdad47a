import { NextRequest } from "next/server";

/** Reads the whole body unless it is longer than `limit` bytes: then it stops reading and answers null. */
async function readAtMost(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(chunk.value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(limit: number): Response {
  return new Response(`This request is larger than the ${limit.toLocaleString("en")} bytes this address accepts.\n`, {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" },
  });
}

/**
 * A route handler that never reads more than `limit` bytes of a request body: a longer one is
 * answered 413 before the handler runs, whether its length is declared or streamed in chunks.
 * For handlers that would otherwise parse any size they are sent (next-auth's sign-in).
 */
export function withBodyLimit<Context>(limit: number, handler: (request: NextRequest, context: Context) => Promise<Response>) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    if (Number(request.headers.get("content-length") ?? 0) > limit) return tooLarge(limit);
    const body = await readAtMost(request, limit);
    if (!body) return tooLarge(limit);
    return handler(new NextRequest(request, { body }), context);
  };
}
