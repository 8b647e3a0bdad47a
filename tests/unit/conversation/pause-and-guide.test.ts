import { describe, expect, it } from "vitest";
import { DEFAULT_GROUND_RULES, DEFAULT_STEPS, joinLines, linesFromText, mayAccept, sameLines, splitLines } from "@/lib/conversation/guide";
import { DEFAULT_PAUSE_MINUTES, PAUSE_MINUTES, REPAIR_PHRASES, countdownText, pauseEnds, pauseState } from "@/lib/conversation/pause";

const NOW = new Date("2031-07-20T19:00:00.000Z");

describe("the pause", () => {
  it("lasts twenty minutes unless the couple agrees longer, and never less", () => {
    expect(DEFAULT_PAUSE_MINUTES).toBe(20);
    expect(Math.min(...PAUSE_MINUTES)).toBe(20);
    expect(pauseEnds(NOW, 20).toISOString()).toBe("2031-07-20T19:20:00.000Z");
    expect(pauseEnds(NOW, 45).toISOString()).toBe("2031-07-20T19:45:00.000Z");
  });

  it("counts down, then says it is time to come back", () => {
    const until = pauseEnds(NOW, 20);
    expect(pauseState(null, NOW)).toEqual({ kind: "none" });
    expect(pauseState(until, NOW)).toEqual({ kind: "paused", until, secondsLeft: 1200 });
    expect(pauseState(until, new Date(until.getTime() - 500))).toMatchObject({ kind: "paused", secondsLeft: 1 });
    expect(pauseState(until, until)).toEqual({ kind: "time to come back", until });
  });

  it("shows minutes and seconds, never below zero", () => {
    expect(countdownText(1200)).toBe("20:00");
    expect(countdownText(65)).toBe("1:05");
    expect(countdownText(-3)).toBe("0:00");
  });

  it("offers a short list of repair phrases", () => {
    expect(REPAIR_PHRASES.length).toBeGreaterThanOrEqual(4);
    expect(REPAIR_PHRASES.length).toBeLessThanOrEqual(8);
  });
});

describe("the couple's template and ground rules", () => {
  it("starts from the weekly check-in: appreciations, then what went well", () => {
    expect(DEFAULT_STEPS[0]).toMatch(/^Appreciations/);
    expect(DEFAULT_STEPS[1]).toMatch(/^What went well/);
    expect(DEFAULT_GROUND_RULES.some((rule) => /understand an issue before/i.test(rule))).toBe(true);
  });

  it("stores lines as text and reads them back; null is the default; empty text is no lines", () => {
    const lines = ["One at a time.", "No phones."];
    expect(splitLines(joinLines(lines), DEFAULT_GROUND_RULES)).toEqual(lines);
    expect(splitLines(null, DEFAULT_STEPS)).toEqual([...DEFAULT_STEPS]);
    expect(splitLines("", DEFAULT_STEPS)).toEqual([]);
  });

  it("takes typed lines trimmed, without blank ones", () => {
    expect(linesFromText("  One at a time. \r\n\n No phones.\n  \n")).toEqual(["One at a time.", "No phones."]);
    expect(sameLines(["a", "b"], ["a", "b"])).toBe(true);
    expect(sameLines(["a", "b"], ["b", "a"])).toBe(false);
  });

  it("is changed only by both: the other partner accepts the very proposal they saw", () => {
    const proposal = { proposedById: "sam", proposedAt: NOW };
    expect(mayAccept(proposal, "alex", NOW)).toEqual({ ok: true });
    expect(mayAccept(proposal, "sam", NOW)).toEqual({ ok: false, reason: "own proposal" });
    expect(mayAccept(proposal, "alex", new Date(NOW.getTime() - 1000))).toEqual({ ok: false, reason: "proposal changed" });
    expect(mayAccept(null, "alex", NOW)).toEqual({ ok: false, reason: "no proposal" });
  });
});
