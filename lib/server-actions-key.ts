/**
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: `next build` derives every server action's id from it and
 * seals the actions' bound values with it. Without it each build makes its own key, so two
 * instances built apart refuse each other's forms ("Failed to find Server Action").
 * Next.js takes an AES key in base64: 16, 24 or 32 bytes.
 */
export const SERVER_ACTIONS_KEY_HELP = "an AES key in base64 (16, 24 or 32 bytes), e.g. the output of `openssl rand -base64 32`";

export function isServerActionsKey(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  return [16, 24, 32].includes(Buffer.from(value, "base64").length);
}
