import type { Page } from "@playwright/test";
import { DEMO_SAM, signInAsDemo } from "./support/demo";
import { expect, test } from "./support/fixtures";

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchForViolations(page: Page): Promise<string[]> {
  const reported: string[] = [];
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) reported.push(message.text());
  });
  return reported;
}

async function violationsOn(page: Page): Promise<string[]> {
  return page.evaluate(() => window.cspViolations ?? []);
}

const SIGNED_OUT = ["/", "/sign-in", "/sign-up", "/about", "/notes/00000000-0000-4000-8000-000000000000"];
const SIGNED_IN = ["/notes", "/notes/new", "/summaries", "/summaries/new", "/summaries/history", "/shared", "/plan", "/couple", "/check-ins", "/account", "/welcome", "/outbox"];

test("every page is served with a nonce-based policy and runs with no CSP violation", async ({ page }) => {
  test.slow();
  const consoleViolations = await watchForViolations(page);

  for (const path of SIGNED_OUT) {
    const response = await page.goto(path);
    const policy = response?.headers()["content-security-policy"] ?? "";
    expect(policy, path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(policy, path).not.toContain("unsafe-inline");
    expect(policy, path).not.toContain("unsafe-eval");
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) expect(policy, path).toContain(directive);
    // Served over plain http here, so no HSTS (it is sent only when the app's URL is https).
    expect(response?.headers()["strict-transport-security"], path).toBeUndefined();
    expect(await violationsOn(page), path).toEqual([]);
  }

  // Signing in needs the page's scripts: it works only if the nonce reached them.
  await signInAsDemo(page, DEMO_SAM);
  const nonces = new Set<string>();
  for (const path of SIGNED_IN) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    nonces.add(/'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1] ?? "");
    expect(await violationsOn(page), path).toEqual([]);
  }
  // A summary, its edit page and its share step, where the preview follows the depth chosen.
  await page.goto("/summaries");
  await page.getByRole("link", { name: "Why I go quiet in arguments" }).first().click();
  await expect(page).toHaveURL(/\/summaries\/[0-9a-f-]{36}$/);
  const summaryPath = new URL(page.url()).pathname;
  for (const path of [summaryPath, `${summaryPath}/edit`, `${summaryPath}/share`]) {
    await page.goto(path);
    expect(await violationsOn(page), path).toEqual([]);
  }
  await page.getByRole("radio", { name: "A headline" }).check();
  expect(await violationsOn(page)).toEqual([]);

  expect(nonces.size, "a fresh nonce per response").toBe(SIGNED_IN.length);
  expect(consoleViolations).toEqual([]);
});

test("markup injected into a page without the nonce does not run", async ({ page }) => {
  await watchForViolations(page);
  // As if stored text had slipped into the HTML unescaped: an inline script and an inline handler.
  await page.route("**/about", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</main>",
      `<script>document.body.dataset.injected = "script"</script><img src="/missing.png" onerror="document.body.dataset.handler = 'ran'"></main>`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/about");
  await expect.poll(() => violationsOn(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/)]));
  expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
  expect(await page.evaluate(() => document.body.dataset.handler)).toBeUndefined();
});
