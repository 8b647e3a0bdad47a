import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/validation/callback-url";

describe("where to go after signing in", () => {
  it.each(["/notes", "/notes/3f1c2a4e-0000-4000-8000-000000000000/edit", "/notes?saved=1", "/"])("keeps the path %s on this site", (path) => {
    expect(safeCallbackPath(path)).toBe(path);
  });

  it.each([
    "//evil.com",
    "//evil.com/notes",
    "/\\evil.com",
    "/\\/evil.com",
    "https://evil.com",
    "http://evil.com/notes",
    "javascript:alert(1)",
    "evil.com",
    " /notes",
    "\\\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/\\\t\\evil.com",
  ])("sends %j to the default page instead of off the site", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("uses the default when there is no callback, or the fallback it is given", () => {
    expect(safeCallbackPath(null)).toBe("/");
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath("")).toBe("/");
    expect(safeCallbackPath("//evil.com", "/about")).toBe("/about");
  });

  it("never yields a URL that a browser would resolve to another host", () => {
    const attempts = ["//evil.com", "/\\evil.com", "https://evil.com", "/%2F%2Fevil.com", "/.//evil.com", "/\t/evil.com", "/\r\n/evil.com"];
    for (const attempt of attempts) {
      expect(new URL(safeCallbackPath(attempt), "https://app.example").host).toBe("app.example");
    }
  });
});
