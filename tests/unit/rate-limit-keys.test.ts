import { describe, expect, it } from "vitest";
import { addressKeyPart, rateLimitKey, waitText } from "@/lib/limits/rate-limits";

describe("rate-limit keys", () => {
  it("count an IPv6 address by its /64 network and an IPv4 address alone", () => {
    expect(addressKeyPart("2001:db8:1:2:aaaa::1")).toBe(addressKeyPart("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(addressKeyPart("2001:db8:1:2::1")).not.toBe(addressKeyPart("2001:db8:1:3::1"));
    expect(addressKeyPart("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKeyPart("192.0.2.1")).not.toBe(addressKeyPart("192.0.2.2"));
    expect(addressKeyPart(null)).toBe("unknown");
  });

  it("hold no email or address in the clear", () => {
    const key = rateLimitKey("someone@example.com", "192.0.2.1");
    expect(key).not.toContain("someone");
    expect(key).not.toContain("192.0.2");
    expect(key).toBe(rateLimitKey("someone@example.com", "192.0.2.1"));
    expect(key).not.toBe(rateLimitKey("someone@example.com192.0.2.1"));
  });
});

describe("when to try again, in words", () => {
  it("rounds up to seconds, minutes or hours", () => {
    expect(waitText(1)).toBe("1 second");
    expect(waitText(45)).toBe("45 seconds");
    expect(waitText(91)).toBe("2 minutes");
    expect(waitText(15 * 60)).toBe("15 minutes");
    expect(waitText(7 * 3600 - 5)).toBe("7 hours");
  });
});
