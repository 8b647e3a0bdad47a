/**
 * Stands in for lib/email/outbox-key.ts (which reads and sets a cookie, so needs a request):
 *   vi.mock("@/lib/email/outbox-key", () => import("../support/fake-outbox-key"));
 * A test picks the browser with `useBrowser(key)`; the hashes are the real module's.
 */
import { hashSecret } from "@/lib/email/tokens";

const state: { key: string | null } = { key: null };

export function useBrowser(key: string | null): void {
  state.key = key;
}

export async function currentOutboxKeyHash(): Promise<string | null> {
  return state.key ? hashSecret(state.key) : null;
}

export async function ensureOutboxKeyHash(): Promise<string | null> {
  state.key ??= `browser-${Math.random().toString(36).slice(2)}`;
  return hashSecret(state.key);
}
