import { describe, expect, it } from "vitest";
import { mailDestination } from "@/lib/email/destination";

describe("where mail goes", () => {
  it("keeps mail in the development outbox only with no SMTP server and a loopback address", () => {
    for (const host of [undefined, "", "127.0.0.1", "::1", "[::1]", "localhost", "LOCALHOST"]) {
      expect(mailDestination({ smtpUrl: undefined, host })).toEqual({ kind: "outbox" });
    }
  });

  it("never has an outbox next to an SMTP server, and names it without its password", () => {
    for (const host of ["127.0.0.1", "0.0.0.0"]) {
      expect(mailDestination({ smtpUrl: "smtps://user:secret@mail.example.org:465", host })).toEqual({ kind: "smtp", server: "smtps://mail.example.org:465" });
    }
  });

  it("refuses a server reachable beyond this machine without SMTP, saying what to set", () => {
    for (const host of ["0.0.0.0", "::", "192.168.1.20", "app.example.org", "127.0.0.2"]) {
      const destination = mailDestination({ smtpUrl: null, host });
      expect(destination).toMatchObject({ kind: "refused", message: expect.stringContaining("Set SMTP_URL") });
    }
  });
});
