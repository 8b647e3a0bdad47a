import { describe, expect, it } from "vitest";
import { deviceLabel } from "@/lib/auth/device-label";

describe("a session's device label", () => {
  it.each([
    ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36", "Chrome on Linux"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:130.0) Gecko/20100101 Firefox/130.0", "Firefox on Windows"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1", "Mobile Safari on iOS"],
  ])("names the browser and system of %s", (userAgent, label) => {
    expect(deviceLabel(userAgent)).toBe(label);
  });

  it("says so plainly when there is nothing to read", () => {
    expect(deviceLabel(null)).toBe("An unknown browser");
    expect(deviceLabel("")).toBe("An unknown browser");
    expect(deviceLabel("curl/8.5.0")).toBe("An unknown browser");
  });

  it("keeps a label short whatever the header holds", () => {
    expect(deviceLabel(`Mozilla/5.0 ${"x".repeat(100_000)}`).length).toBeLessThanOrEqual(40);
  });
});
