import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { forgotPasswordAction, resetPasswordAction } from "@/app/forgot-password/actions";
import { signUpAction } from "@/app/sign-up/actions";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { authenticate } from "@/lib/auth/accounts";
import { resetLinkStatus } from "@/lib/auth/password-reset";
import { startSession } from "@/lib/auth/sessions";
import { listOutbox } from "@/lib/data/outbox";
import { hashSecret } from "@/lib/email/tokens";
import { setUpEdgeTestDb } from "../support/edge-test-db";
import { useBrowser } from "../support/fake-outbox-key";
import { formData } from "../support/forms";
import { deliverToOutbox, linkSecretIn } from "../support/mail";
import { cheapPasswordHash } from "../support/users";

const env = vi.hoisted(() => ({ NODE_ENV: "test" as const, APP_URL: "http://app.test", REMINDER_DISPATCH: "app" as const, SMTP_URL: undefined, HOST: "127.0.0.1" }));
vi.mock("@/lib/env", () => ({ getEnv: () => env }));
vi.mock("@/lib/db/client", () => import("../support/browser"));
vi.mock("next/headers", () => import("../support/browser"));
vi.mock("@/lib/email/outbox-key", () => import("../support/fake-outbox-key"));
vi.mock("@/lib/email/deliver-soon", () => import("../support/fake-deliver-soon"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

const OLD_PASSWORD = "the old long password";
const NEW_PASSWORD = "a brand new passphrase";
let counter = 0;

beforeEach(() => useBrowser(null));

/** An account made in a browser of its own (whose key reads its reset mail in the outbox), not yet verified. */
async function account(options: { browserKey?: string } = {}) {
  counter += 1;
  const email = `reset-${counter}@example.com`;
  const user = await t.db.user.create({
    data: {
      email,
      displayName: `Person ${counter}`,
      passwordHash: await cheapPasswordHash(OLD_PASSWORD),
      outboxKeyHash: options.browserKey ? hashSecret(options.browserKey) : null,
    },
  });
  return user;
}

const forgot = (email: string) => forgotPasswordAction(IDLE, formData({ email }));
const reset = (token: string, password = NEW_PASSWORD) => resetPasswordAction(IDLE, formData({ token, password }));
const withoutAddress = (state: FormState, email: string) => JSON.stringify(state).replaceAll(email, "<address>");

describe("forgot password", () => {
  it("answers the same whether or not the address has an account, and sends a link only to an account", async () => {
    const user = await account();
    const known = await forgot(user.email.toUpperCase());
    const unknown = await forgot("nobody-here@example.com");
    expect(withoutAddress(known, user.email)).toBe(withoutAddress(unknown, "nobody-here@example.com"));
    expect(known).toMatchObject({ status: "ok" });
    expect(await t.db.queuedEmail.count({ where: { to: user.email } })).toBe(1);
    expect(await t.db.queuedEmail.count({ where: { to: "nobody-here@example.com" } })).toBe(0);
    expect(await t.db.emailToken.count({ where: { email: "nobody-here@example.com" } })).toBe(0);
  });

  it("sets the new password, ends every session, verifies the address, and the link works once", async () => {
    const user = await account();
    await startSession(t.db, user.id, "a browser signed in before the reset");
    await forgot(user.email);
    const secret = (await linkSecretIn(t.db, user.email, "/reset-password")) as string;
    expect((await t.db.emailToken.findFirstOrThrow({ where: { userId: user.id } })).tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));

    const state = await reset(secret);
    expect(state).toMatchObject({ status: "ok", data: { email: user.email } });
    expect(JSON.stringify(state)).not.toContain(NEW_PASSWORD);
    const after = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await t.db.userSession.count({ where: { userId: user.id } })).toBe(0);
    expect(after.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await authenticate(t.db, { email: user.email, password: NEW_PASSWORD })).ok).toBe(true);
    expect((await authenticate(t.db, { email: user.email, password: OLD_PASSWORD })).ok).toBe(false);

    expect(await reset(secret, "yet another long password")).toMatchObject({ status: "error", message: expect.stringMatching(/already been used/) });
    expect((await authenticate(t.db, { email: user.email, password: NEW_PASSWORD })).ok).toBe(true);
  });

  it("refuses an expired link, an older link once a newer one was sent, and a sign-up link, changing nothing", async () => {
    const user = await account();
    await startSession(t.db, user.id, "a browser signed in before the reset");
    await forgot(user.email);
    const older = (await linkSecretIn(t.db, user.email, "/reset-password")) as string;
    expect(await resetLinkStatus(t.db, older, new Date(Date.now() + 61 * 60_000))).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    await forgot(user.email);
    const newer = (await linkSecretIn(t.db, user.email, "/reset-password")) as string;
    expect(newer).not.toBe(older);
    expect(await reset(older)).toMatchObject({ status: "error", message: expect.stringMatching(/not valid/) });

    await t.db.emailToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await reset(newer)).toMatchObject({ status: "error", message: expect.stringMatching(/expired/) });

    await signUpAction(IDLE, formData({ displayName: "New", email: "new-reset@example.com" }));
    const signUpSecret = (await linkSecretIn(t.db, "new-reset@example.com", "/sign-up/confirm")) as string;
    expect(await reset(signUpSecret)).toMatchObject({ status: "error", message: expect.stringMatching(/not valid/) });

    expect(await t.db.userSession.count({ where: { userId: user.id } })).toBe(1);
    expect((await authenticate(t.db, { email: user.email, password: OLD_PASSWORD })).ok).toBe(true);
  });

  it("answers a bad address or a short password with field messages, and changes nothing", async () => {
    expect(await forgot("not-an-email")).toMatchObject({ status: "error", fieldErrors: { email: [expect.any(String)] } });
    const user = await account();
    await forgot(user.email);
    const secret = (await linkSecretIn(t.db, user.email, "/reset-password")) as string;
    const short = await reset(secret, "short");
    expect(short).toMatchObject({ status: "error", fieldErrors: { password: ["Use at least 10 characters."] } });
    expect(JSON.stringify(short)).not.toContain(secret);
    expect((await resetLinkStatus(t.db, secret)).ok).toBe(true);
  });

  it("in the development outbox, is readable only in the account's own browser, never in the asker's", async () => {
    const user = await account({ browserKey: "the-owners-browser" });
    useBrowser("a-strangers-browser");
    await forgot(user.email);
    await deliverToOutbox(t.db);
    expect(await listOutbox({ db: t.db, userId: null, keyHash: hashSecret("a-strangers-browser") })).toEqual([]);
    const owners = await listOutbox({ db: t.db, userId: null, keyHash: hashSecret("the-owners-browser") });
    expect(owners.map((message) => message.subject)).toEqual(["Choose a new Common Ground password"]);
  });
});
