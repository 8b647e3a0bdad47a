import { describe, expect, it } from "vitest";
import { everyAgendaAction } from "@/components/plan/agenda-actions";

describe("what a person may do to an agenda item", () => {
  it("offers the item's own author, or anyone for a topic, the tick, the moves that exist and removal", () => {
    expect(everyAgendaAction({ discussed: false, decidedBy: null }, 0, 3)).toEqual(["discussed", "down", "remove"]);
    expect(everyAgendaAction({ discussed: true, decidedBy: null }, 1, 3)).toEqual(["not-discussed", "up", "down", "remove"]);
    expect(everyAgendaAction({ discussed: false, decidedBy: null }, 2, 3)).toEqual(["discussed", "up", "remove"]);
  });

  it("offers only moves on the partner's disclosure: its author alone ticks it off or takes it off (C11)", () => {
    expect(everyAgendaAction({ discussed: false, decidedBy: "Sam" }, 1, 3)).toEqual(["up", "down"]);
    expect(everyAgendaAction({ discussed: true, decidedBy: "Sam" }, 0, 1)).toEqual([]);
  });
});
