import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, refuseUnreadableRequest } from "@/lib/http/request-guard";

const ACTION_ID = "7f14b0cf851b78c862a495250f631afbffdef02d0b";

function actionCall(body: BodyInit, contentType: string, path = "/notes/new"): Request {
  return new Request(`http://127.0.0.1:3000${path}`, {
    method: "POST",
    headers: { "next-action": ACTION_ID, "content-type": contentType },
    body,
  });
}

function wellFormedForm(): FormData {
  const form = new FormData();
  form.append("0", '[{"status":"idle"},"$K1"]');
  form.append("1_title", "After the session");
  return form;
}

async function answer(request: Request) {
  const refused = await refuseUnreadableRequest(request);
  return refused ? { status: refused.status, text: await refused.text() } : null;
}

describe("addresses", () => {
  it.each(["/notes/%E0%A4%A", "/notes/%", "/summaries/%ZZ/edit", "/api/reminders/unsubscribe/%E0%A4%A"])("refuses %s, whose %%-encoding is broken, with 400", async (path) => {
    expect(await answer(new Request(`http://127.0.0.1:3000${path}`))).toEqual({
      status: 400,
      text: "This address is not valid: part of it is wrongly %-encoded.",
    });
  });

  it.each(["/notes/%E2%9C%93", "/notes/a%20b", "/about", "/plan?x=%E0"])("lets %s through", async (path) => {
    expect(await answer(new Request(`http://127.0.0.1:3000${path}`))).toBeNull();
  });
});

describe("server action bodies", () => {
  it("lets a well-formed form through", async () => {
    const form = new Request("http://x/", { method: "POST", body: wellFormedForm() });
    expect(await answer(actionCall(await form.arrayBuffer(), form.headers.get("content-type") ?? ""))).toBeNull();
  });

  it("lets a list of arguments through", async () => {
    expect(await answer(actionCall('[{"status":"idle"}]', "text/plain;charset=UTF-8"))).toBeNull();
  });

  it.each([
    ["a multipart body cut short", "--XYZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nabc", "multipart/form-data; boundary=XYZ"],
    ["a multipart body without its boundary", "abc", "multipart/form-data"],
    ["broken JSON", "[{", "text/plain;charset=UTF-8"],
    ["JSON that is not a list", '{"a":1}', "text/plain;charset=UTF-8"],
    ["bytes that are not UTF-8", new Uint8Array([0x5b, 0xff, 0x5d]), "text/plain"],
    ["a URL-encoded body", "title=hello", "application/x-www-form-urlencoded"],
  ])("refuses %s with 400", async (_case, body, contentType) => {
    expect(await answer(actionCall(body, contentType))).toEqual({
      status: 400,
      text: "This form could not be read: what arrived was incomplete or malformed. Reload the page, then try again.",
    });
  });

  it("refuses a form sent without script whose body is broken", async () => {
    const request = new Request("http://127.0.0.1:3000/notes/new", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=XYZ" },
      body: "--XYZ\r\nbroken",
    });
    expect(await answer(request)).toMatchObject({ status: 400 });
  });

  it("refuses a body over the limit with 413, whether or not its length was announced", async () => {
    const big = "a".repeat(ACTION_BODY_LIMIT_BYTES + 1);
    const announced = actionCall(big, "text/plain");
    expect(await answer(announced)).toEqual({ status: 413, text: "This form is too large to send (the limit is 1 MB). Shorten what you wrote, then try again." });
    const streamed = new Request("http://127.0.0.1:3000/notes/new", {
      method: "POST",
      headers: { "next-action": ACTION_ID, "content-type": "text/plain" },
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(streamed.headers.has("content-length")).toBe(false);
    expect(await answer(streamed)).toMatchObject({ status: 413 });
  });

  it("leaves route handlers' own bodies to them", async () => {
    const unsubscribe = new Request("http://127.0.0.1:3000/api/reminders/unsubscribe/abc", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(await answer(unsubscribe)).toBeNull();
  });
});
