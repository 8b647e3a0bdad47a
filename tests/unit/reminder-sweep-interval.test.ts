import { describe, expect, it } from "vitest";
import { checkEnvironment } from "@/lib/env";

/** REMINDER_SWEEP_SECONDS: how often the app's dispatcher or the worker sweeps, and so how late a reminder may be. */
const DEVELOPMENT = { NODE_ENV: "development" } as const;

describe("the reminder sweep's interval", () => {
  it("is a minute unless set", () => {
    expect(checkEnvironment(DEVELOPMENT).REMINDER_SWEEP_SECONDS).toBe(60);
  });

  it("takes whole seconds from 5 to 3600", () => {
    expect(checkEnvironment({ ...DEVELOPMENT, REMINDER_SWEEP_SECONDS: "5" }).REMINDER_SWEEP_SECONDS).toBe(5);
    expect(checkEnvironment({ ...DEVELOPMENT, REMINDER_SWEEP_SECONDS: "3600" }).REMINDER_SWEEP_SECONDS).toBe(3600);
  });

  it.each(["4", "3601", "1.5", "often", ""])("refuses %j, saying what it takes", (value) => {
    expect(() => checkEnvironment({ ...DEVELOPMENT, REMINDER_SWEEP_SECONDS: value })).toThrow(
      "REMINDER_SWEEP_SECONDS: REMINDER_SWEEP_SECONDS must be a whole number of seconds, from 5 to 3600.",
    );
  });
});
