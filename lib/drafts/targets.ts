/**
 * Which form a draft belongs to (decision 036), in a module without imports so the browser can
 * name its own form. One draft per target: a new note, a new summary (from scratch or from one
 * note), or one note or summary being edited; two forms never write over each other's draft.
 */
export type DraftTarget =
  | { kind: "new-note" }
  | { kind: "note"; id: string }
  | { kind: "new-summary"; noteId: string | null }
  | { kind: "summary"; id: string };

/** Which form's fields a target holds. */
export type DraftForm = "note" | "summary";

export function formOf(target: DraftTarget): DraftForm {
  return target.kind === "new-note" || target.kind === "note" ? "note" : "summary";
}

/** The target as one word, as the browser sends it and the database keeps it. */
export function targetKey(target: DraftTarget): string {
  switch (target.kind) {
    case "new-note":
      return "note:new";
    case "note":
      return `note:${target.id}`;
    case "new-summary":
      return target.noteId ? `summary:new:${target.noteId}` : "summary:new";
    case "summary":
      return `summary:${target.id}`;
  }
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const NOTE = new RegExp(`^note:(${UUID})$`);
const NEW_SUMMARY_FROM_NOTE = new RegExp(`^summary:new:(${UUID})$`);
const SUMMARY = new RegExp(`^summary:(${UUID})$`);

/** The target a key names, or null for anything else. */
export function parseTargetKey(key: string): DraftTarget | null {
  if (key === "note:new") return { kind: "new-note" };
  if (key === "summary:new") return { kind: "new-summary", noteId: null };
  const fromNote = NEW_SUMMARY_FROM_NOTE.exec(key);
  if (fromNote) return { kind: "new-summary", noteId: fromNote[1]! };
  const note = NOTE.exec(key);
  if (note) return { kind: "note", id: note[1]! };
  const summary = SUMMARY.exec(key);
  if (summary) return { kind: "summary", id: summary[1]! };
  return null;
}

/** Where the form of a target is, for going back to it after its draft is discarded. */
export function formPath(target: DraftTarget): string {
  switch (target.kind) {
    case "new-note":
      return "/notes/new";
    case "note":
      return `/notes/${target.id}/edit`;
    case "new-summary":
      return target.noteId ? `/summaries/new?from=${target.noteId}` : "/summaries/new";
    case "summary":
      return `/summaries/${target.id}/edit`;
  }
}
