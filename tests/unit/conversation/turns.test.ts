import { describe, expect, it } from "vitest";
import {
  currentStopIndex,
  firstSpeaker,
  listenerRule,
  mayMarkDiscussed,
  neighbour,
  otherPartner,
  parsePosition,
  positionOf,
  stopsOf,
  type AgendaEntry,
} from "@/lib/conversation/turns";

const SAM = "sam";
const ALEX = "alex";
const agenda: AgendaEntry[] = [
  { id: "a", broughtById: SAM, discussed: true, responseWish: "JUST_LISTEN" },
  { id: "b", broughtById: ALEX, discussed: false, responseWish: null },
  { id: "c", broughtById: SAM, discussed: false, responseWish: "THINK_IT_THROUGH" },
];

describe("the conversation's stops", () => {
  it("walks the opening steps, then the agenda in its order", () => {
    expect(stopsOf(2, agenda).map(positionOf)).toEqual(["opening:0", "opening:1", "item:a", "item:b", "item:c"]);
    expect(stopsOf(0, [])).toEqual([]);
  });

  it("reads back a stored position, and refuses anything else", () => {
    expect(parsePosition("opening:1")).toEqual({ kind: "opening", index: 1 });
    expect(parsePosition("item:b")).toEqual({ kind: "item", itemId: "b" });
    expect(parsePosition("elsewhere")).toBeNull();
    expect(parsePosition("opening:x")).toBeNull();
  });

  it("stays where the couple is while that stop exists", () => {
    expect(currentStopIndex("item:c", 2, agenda)).toBe(4);
    expect(currentStopIndex("opening:1", 2, agenda)).toBe(1);
  });

  it("falls to the first item not yet discussed when the stored item is gone (withdrawn or taken off the plan)", () => {
    expect(currentStopIndex("item:withdrawn", 2, agenda)).toBe(3);
    expect(currentStopIndex("opening:5", 2, agenda)).toBe(3);
  });

  it("falls to the start when everything left was discussed, and has no stop on an empty conversation", () => {
    expect(currentStopIndex("item:gone", 1, [{ ...agenda[0]! }])).toBe(0);
    expect(currentStopIndex("opening:0", 0, [])).toBe(-1);
  });

  it("moves one stop at a time and stops at either end", () => {
    const stops = stopsOf(1, agenda);
    expect(neighbour(stops, 0, "next")).toEqual({ kind: "item", itemId: "a" });
    expect(neighbour(stops, 1, "previous")).toEqual({ kind: "opening", index: 0 });
    expect(neighbour(stops, 0, "previous")).toBeNull();
    expect(neighbour(stops, 3, "next")).toBeNull();
  });
});

describe("turns", () => {
  it("gives the first word to whoever brought the item, and to the starter in the opening", () => {
    expect(firstSpeaker({ kind: "item", itemId: "a" }, agenda, ALEX)).toBe(SAM);
    expect(firstSpeaker({ kind: "item", itemId: "b" }, agenda, SAM)).toBe(ALEX);
    expect(firstSpeaker({ kind: "opening", index: 0 }, agenda, ALEX)).toBe(ALEX);
  });

  it("passes the turn to the other partner and back", () => {
    const pair = [SAM, ALEX] as const;
    expect(otherPartner(SAM, pair)).toBe(ALEX);
    expect(otherPartner(otherPartner(SAM, pair), pair)).toBe(SAM);
  });

  it("turns the author's response wish into the listener's rule, with one line each", () => {
    expect(listenerRule("JUST_LISTEN").label).toBe("Just listen");
    expect(listenerRule("YOUR_VIEW").label).toBe("Your view");
    expect(listenerRule("THINK_IT_THROUGH").label).toBe("Think it through");
    expect(listenerRule(null).label).toBe("Listen first");
    for (const wish of ["JUST_LISTEN", "YOUR_VIEW", "THINK_IT_THROUGH", null] as const) expect(listenerRule(wish).line.length).toBeGreaterThan(10);
  });

  it("lets only a shared item's author mark it discussed (C11), and either partner a topic", () => {
    expect(mayMarkDiscussed({ kind: "shared", broughtById: SAM }, SAM)).toBe(true);
    expect(mayMarkDiscussed({ kind: "shared", broughtById: SAM }, ALEX)).toBe(false);
    expect(mayMarkDiscussed({ kind: "topic", broughtById: SAM }, ALEX)).toBe(true);
  });
});
