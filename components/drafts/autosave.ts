"use client";

import { useEffect, useState, type RefObject } from "react";

/** How long typing pauses before the draft is kept. */
const SAVE_PAUSE_MS = 1500;
const ENDPOINT = "/api/drafts";
const NO_LISTS: readonly string[] = [];

export type AutosaveStatus = { state: "idle" } | { state: "saved"; at: string } | { state: "failed" };

/** The forms on the page that keep drafts, for Quick exit. */
const keepers = new Set<DraftKeeper>();

/**
 * Quick exit: what any form on the page has not yet kept goes with the sign-out, in one request
 * (/api/drafts?then=sign-out), so the session cannot end before the draft is in. Nothing is
 * awaited: the beacon is queued and the page leaves at once.
 */
export function signOutKeepingDrafts(): void {
  const forms = [...keepers];
  const last = forms.pop();
  for (const keeper of forms) keeper.flush();
  if (!last?.flush("sign-out")) navigator.sendBeacon("/api/sign-out");
}

/** Discarding a draft: no form on the page may keep it again meanwhile, nor as it unmounts after. */
export async function pauseDrafts(): Promise<void> {
  await Promise.all([...keepers].map((keeper) => keeper.pause()));
}

/** The discard was refused: the forms keep their words again. */
export function resumeDrafts(): void {
  for (const keeper of keepers) keeper.resume();
}

/** The form's fields by name, as the draft keeps them: `lists` are checkbox groups (every checked value). */
function fieldsOf(form: HTMLFormElement, names: readonly string[], lists: readonly string[]) {
  const data = new FormData(form);
  const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : "");
  return Object.fromEntries(names.map((name) => [name, lists.includes(name) ? data.getAll(name).map(text) : text(data.get(name))]));
}

/** One form's autosave: counts what was typed and what the server has, and sends the difference. */
class DraftKeeper {
  private timer: ReturnType<typeof setTimeout> | undefined;
  // Changes typed, and the last of them the server confirmed (or a beacon took).
  private typed = 0;
  private kept = 0;
  private paused = false;
  private inFlight: Promise<void> = Promise.resolve();
  // The fields as last typed: a form that is unmounting has already let go of its element.
  private lastTyped: Record<string, string | string[]> | null = null;

  constructor(
    private readonly form: RefObject<HTMLFormElement | null>,
    private readonly target: string,
    private readonly names: readonly string[],
    private readonly lists: readonly string[],
    private readonly report: (status: AutosaveStatus) => void,
  ) {}

  private body(): string | null {
    const form = this.form.current;
    const fields = form ? fieldsOf(form, this.names, this.lists) : this.lastTyped;
    if (this.paused || !fields || this.kept >= this.typed) return null;
    return JSON.stringify({ target: this.target, fields });
  }

  // Arrow functions: handed to the form as they are, and the same function on every render.
  readonly changed = (): void => {
    const form = this.form.current;
    if (form) this.lastTyped = fieldsOf(form, this.names, this.lists);
    this.typed += 1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.saveNow(), SAVE_PAUSE_MS);
  };

  saveNow(): void {
    clearTimeout(this.timer);
    const sent = this.body();
    if (!sent) return;
    const version = this.typed;
    this.inFlight = fetch(ENDPOINT, { method: "POST", body: sent, headers: { "content-type": "application/json" }, cache: "no-store" })
      .then(async (response) => {
        if (!response.ok) throw new Error(`The draft was refused (${response.status}).`);
        const { savedAt } = (await response.json()) as { savedAt: string | null };
        this.kept = Math.max(this.kept, version);
        this.report(savedAt ? { state: "saved", at: savedAt } : { state: "idle" });
      })
      .catch((error: unknown) => {
        console.error("A draft could not be kept:", error);
        this.report({ state: "failed" });
      });
  }

  /** Sends what is not yet kept with a beacon, which the browser delivers even after the page is gone. */
  flush(then?: "sign-out"): boolean {
    clearTimeout(this.timer);
    const sent = this.body();
    if (!sent) return false;
    const queued = navigator.sendBeacon(then ? `${ENDPOINT}?then=${then}` : ENDPOINT, new Blob([sent], { type: "text/plain;charset=UTF-8" }));
    if (queued) this.kept = this.typed;
    return queued;
  }

  readonly pause = async (): Promise<void> => {
    clearTimeout(this.timer);
    this.paused = true;
    await this.inFlight;
  };

  readonly resume = (): void => {
    this.paused = false;
    this.typed += 1;
    this.saveNow();
  };
}

/**
 * Keeps what a form holds as a private draft on the server (decision 036): a moment after
 * typing stops (fetch), and as the page is hidden or left (navigator.sendBeacon). Nothing is
 * kept on the device. `pause` stops it while the form itself is being saved (that save removes
 * the draft, which a late autosave must not bring back); `resume` starts it again after a refusal.
 * `fields` and `lists` are constants of the form.
 */
export function useDraftAutosave(options: {
  target: string;
  form: RefObject<HTMLFormElement | null>;
  fields: readonly string[];
  lists?: readonly string[];
  restoredAt: string | null;
}) {
  const { target, form, fields, lists = NO_LISTS, restoredAt } = options;
  const [status, setStatus] = useState<AutosaveStatus>(restoredAt ? { state: "saved", at: restoredAt } : { state: "idle" });
  const [keeper] = useState(() => new DraftKeeper(form, target, fields, lists, setStatus));

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === "hidden") keeper.flush();
    };
    const onPageHide = () => keeper.flush();
    keepers.add(keeper);
    document.addEventListener("visibilitychange", onHidden);
    window.addEventListener("pagehide", onPageHide);
    return () => {
      keepers.delete(keeper);
      document.removeEventListener("visibilitychange", onHidden);
      window.removeEventListener("pagehide", onPageHide);
      // Leaving the form inside the app (a link) unmounts it: what is not yet kept goes now.
      keeper.flush();
    };
  }, [keeper]);

  return {
    status,
    /** The form's onInput. */
    changed: keeper.changed,
    /** Before the form's own save: no more autosaves, and the one on its way has arrived. */
    pause: keeper.pause,
    /** After the form's save was refused: the words are still only in the form, so they are kept again. */
    resume: keeper.resume,
  };
}
