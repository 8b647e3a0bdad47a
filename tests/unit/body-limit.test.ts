import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { withBodyLimit } from "@/lib/http/body-limit";

const LIMIT = 1024;
const URL_ = "http://127.0.0.1/api/auth/callback/credentials";

function handlerSeeingBody() {
  return vi.fn(async (request: NextRequest) => new Response(`read ${(await request.text()).length}`));
}

/** A POST whose body is a stream (fetch calls this a half-duplex request). */
function streamingPost(body: ReadableStream<Uint8Array>): NextRequest {
  return new NextRequest(URL_, { method: "POST", body, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
}

/** A body sent in chunks with no declared length, as a client streaming it would. */
function streamed(totalBytes: number, chunkBytes = 256): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
}

describe("a route handler with a body limit", () => {
  it("passes a body within the limit through unchanged, headers and form included", async () => {
    const inner = vi.fn(async (request: NextRequest) => Response.json(Object.fromEntries(new URLSearchParams(await request.text()))));
    const form = "email=sam%40demo.example&password=secret&csrfToken=abc";
    const response = await withBodyLimit(LIMIT, inner)(
      new NextRequest(URL_, { method: "POST", body: form, headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
      {},
    );
    expect(await response.json()).toEqual({ email: "sam@demo.example", password: "secret", csrfToken: "abc" });
    expect(inner.mock.calls[0]?.[0].headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(inner.mock.calls[0]?.[0].nextUrl.pathname).toBe("/api/auth/callback/credentials");
  });

  it("answers 413 to a declared length over the limit, without calling the handler", async () => {
    const inner = handlerSeeingBody();
    const body = "a".repeat(LIMIT + 1);
    const response = await withBodyLimit(LIMIT, inner)(new NextRequest(URL_, { method: "POST", body }), {});
    expect(response.status).toBe(413);
    expect(inner).not.toHaveBeenCalled();
  });

  it("stops reading a streamed body once it passes the limit, and answers 413 without calling the handler", async () => {
    const inner = handlerSeeingBody();
    let pulled = 0;
    const body = streamed(30 * 1024 * 1024).pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    const response = await withBodyLimit(LIMIT, inner)(streamingPost(body), {});
    expect(response.status).toBe(413);
    expect(inner).not.toHaveBeenCalled();
    expect(pulled).toBeLessThan(LIMIT + 4 * 256);
  });

  it("accepts a streamed body exactly at the limit", async () => {
    const response = await withBodyLimit(LIMIT, handlerSeeingBody())(streamingPost(streamed(LIMIT)), {});
    expect(await response.text()).toBe(`read ${LIMIT}`);
  });
});
