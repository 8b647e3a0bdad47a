import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "@/lib/auth/client-address";

describe("the client address used for throttling", () => {
  it("is the address the nearest proxy saw", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddressFrom({ "x-forwarded-for": "  2001:db8::1  " })).toBe("2001:db8::1");
  });

  it("ignores entries the client put in X-Forwarded-For itself, so rotating them cannot dodge the throttle", () => {
    // The client sent "1.2.3.4, 5.6.7.8"; the proxy appended the address it really saw.
    expect(clientAddressFrom({ "x-forwarded-for": "1.2.3.4, 5.6.7.8, 203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddressFrom({ "x-forwarded-for": "9.9.9.9, 203.0.113.7" })).toBe("203.0.113.7");
  });

  it("falls back to x-real-ip when nothing was forwarded", () => {
    expect(clientAddressFrom({ "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(clientAddressFrom({ "x-forwarded-for": "10.0.0.1, ", "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
  });

  it("is unknown when no header names one", () => {
    expect(clientAddressFrom({})).toBeNull();
    expect(clientAddressFrom({ "x-forwarded-for": "", "x-real-ip": "" })).toBeNull();
  });

  it("ignores headers that are not a single string", () => {
    expect(clientAddressFrom({ "x-forwarded-for": ["203.0.113.7"], "x-real-ip": 42 })).toBeNull();
  });

  it("is cut to 64 characters, so a forged header cannot make an oversized key", () => {
    expect(clientAddressFrom({ "x-forwarded-for": "a".repeat(500) })).toBe("a".repeat(64));
    expect(clientAddressFrom({ "x-real-ip": "b".repeat(500) })).toBe("b".repeat(64));
  });
});
