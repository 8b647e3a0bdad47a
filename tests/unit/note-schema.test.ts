import { describe, expect, it } from "vitest";
import { NOTE_LIMITS } from "@/lib/validation/limits";
import { noteInputSchema } from "@/lib/validation/note";

const valid = { title: "After Tuesday's session", body: "We talked about the move.", workingOn: "Listening", sessionDate: "2026-11-18" };

function errorsFor(input: unknown): Record<string, string[] | undefined> {
  const result = noteInputSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[String(issue.path[0])] ??= []).push(issue.message);
  return errors;
}

describe("note input", () => {
  it("accepts a complete note and turns the session date into UTC midnight", () => {
    expect(noteInputSchema.parse(valid)).toEqual({
      title: "After Tuesday's session",
      body: "We talked about the move.",
      workingOn: "Listening",
      sessionDate: new Date("2026-11-18T00:00:00.000Z"),
    });
  });

  it("trims every text field", () => {
    const parsed = noteInputSchema.parse({ title: "  Title \n", body: "\n body \t", workingOn: "  theme  ", sessionDate: "" });
    expect(parsed).toMatchObject({ title: "Title", body: "body", workingOn: "theme" });
  });

  it("stores empty or whitespace-only optional fields as null, and a missing body as empty", () => {
    expect(noteInputSchema.parse({ title: "t", workingOn: "   ", sessionDate: "" })).toEqual({
      title: "t",
      body: "",
      workingOn: null,
      sessionDate: null,
    });
    expect(noteInputSchema.parse({ title: "t" })).toEqual({ title: "t", body: "", workingOn: null, sessionDate: null });
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["whitespace only", " \n\t "],
  ])("refuses a %s title with a message for the title field", (_case, title) => {
    expect(errorsFor({ ...valid, title })).toEqual({ title: ["Give the note a title."] });
  });

  it("accepts text exactly at each limit and refuses one character more", () => {
    const atLimit = {
      title: "t".repeat(NOTE_LIMITS.title),
      body: "b".repeat(NOTE_LIMITS.body),
      workingOn: "w".repeat(NOTE_LIMITS.workingOn),
    };
    expect(noteInputSchema.safeParse({ ...valid, ...atLimit }).success).toBe(true);
    expect(errorsFor({ ...valid, title: "t".repeat(NOTE_LIMITS.title + 1) })).toEqual({
      title: ["Keep the title under 200 characters."],
    });
    expect(errorsFor({ ...valid, body: "b".repeat(NOTE_LIMITS.body + 1) })).toEqual({
      body: ["Keep the note under 20,000 characters."],
    });
    expect(errorsFor({ ...valid, workingOn: "w".repeat(NOTE_LIMITS.workingOn + 1) })).toEqual({
      workingOn: ["Keep this under 500 characters."],
    });
  });

  it.each(["18/11/2026", "2026-13-01", "2026-02-30", "2026-1-5", "tomorrow", "2026-11-18T10:00:00Z", " 2026-11-18"])(
    "refuses the malformed session date %j",
    (sessionDate) => {
      expect(errorsFor({ ...valid, sessionDate })).toEqual({ sessionDate: ["Enter a date as YYYY-MM-DD."] });
    },
  );

  it.each(["1899-12-31", "2101-01-01", "0001-01-01"])("refuses the out-of-range session date %s", (sessionDate) => {
    expect(errorsFor({ ...valid, sessionDate })).toEqual({ sessionDate: ["Enter a date between 1900 and 2100."] });
  });

  it("accepts the first and last day of the allowed range", () => {
    expect(noteInputSchema.parse({ ...valid, sessionDate: "1900-01-01" }).sessionDate).toEqual(new Date("1900-01-01T00:00:00.000Z"));
    expect(noteInputSchema.parse({ ...valid, sessionDate: "2100-12-31" }).sessionDate).toEqual(new Date("2100-12-31T00:00:00.000Z"));
  });

  it.each([
    ["title", ["a", "b"], "Give the note a title."],
    ["title", 42, "Give the note a title."],
    ["body", ["text"], "The note must be text."],
    ["body", { text: "x" }, "The note must be text."],
    ["workingOn", 7, "This field must be text."],
    ["sessionDate", ["2026-11-18"], "Enter a date as YYYY-MM-DD."],
    ["sessionDate", 20261118, "Enter a date as YYYY-MM-DD."],
  ])("refuses a %s of the wrong type (%j)", (field, value, message) => {
    expect(errorsFor({ ...valid, [field]: value })).toEqual({ [field]: [message] });
  });

  it("refuses input that is not an object at all", () => {
    expect(noteInputSchema.safeParse(null).success).toBe(false);
    expect(noteInputSchema.safeParse("title=x").success).toBe(false);
  });

  it("drops fields the note does not have", () => {
    const parsed = noteInputSchema.parse({ ...valid, authorId: "someone-else", id: "x" });
    expect(Object.keys(parsed).sort()).toEqual(["body", "sessionDate", "title", "workingOn"]);
  });
});
