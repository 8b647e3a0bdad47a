import type { Page } from "@playwright/test";
import { DEMO_PARTNERS, DEMO_PASSWORD } from "../../lib/demo/demo-accounts";
import { AT_HOME, expect, signIn } from "./fixtures";

export const [DEMO_SAM, DEMO_ALEX] = DEMO_PARTNERS;

/**
 * Signs in as one of the demo couple the e2e server seeds, landing on their home page.
 * Specs only read the demo accounts: others use them at the same time.
 */
export async function signInAsDemo(page: Page, partner: (typeof DEMO_PARTNERS)[number]): Promise<void> {
  await signIn(page, partner.email, DEMO_PASSWORD);
  // A password hash and a round trip: allow a busy machine time.
  await expect(page).toHaveURL(AT_HOME, { timeout: 30_000 });
}
