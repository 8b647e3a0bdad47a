import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

/**
 * Requests no browser of ours sends, against the served build: each gets a 4xx with words,
 * never a 500. The action id is a real one from the build, so only the body is at fault.
 */
function actionIdOf(name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === name)?.[0];
  if (!id) throw new Error(`No server action named ${name} in the build.`);
  return id;
}

test.describe("unreadable requests get a 4xx and a clear message", () => {
  for (const path of ["/notes/%E0%A4%A", "/summaries/%ZZ", "/invite/%", "/api/reminders/unsubscribe/%E0%A4%A"]) {
    test(`an address with broken %-encoding: ${path}`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(400);
      expect(await response.text()).toBe("This address is not valid: part of it is wrongly %-encoded.");
    });
  }

  test("a server action id that does not exist", async ({ request }) => {
    const response = await request.post("/sign-up", {
      headers: { "Next-Action": "7f0000000000000000000000000000000000000000", "Content-Type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
  });

  const unreadableBodies: [string, string, string][] = [
    ["a multipart body cut short", 'multipart/form-data; boundary=XYZ', '--XYZ\r\nContent-Disposition: form-data; name="x"\r\n\r\nabc'],
    ["a multipart body without a boundary", "multipart/form-data", "abc"],
    ["broken JSON arguments", "text/plain;charset=UTF-8", "[{"],
  ];
  for (const [label, contentType, body] of unreadableBodies) {
    test(`a server action call with ${label}`, async ({ request }) => {
      const response = await request.post("/sign-up", {
        headers: { "Next-Action": actionIdOf("signUpAction"), "Content-Type": contentType },
        data: body,
      });
      expect(response.status()).toBe(400);
      expect(await response.text()).toContain("This form could not be read");
    });
  }

  test("a server action call over the body limit", async ({ request }) => {
    const response = await request.post("/sign-up", {
      headers: { "Next-Action": actionIdOf("signUpAction"), "Content-Type": "text/plain;charset=UTF-8" },
      data: `["${"a".repeat(1024 * 1024)}"]`,
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain("This form is too large to send");
  });
});
