/**
 * Access matrix, the home page and "who is in therapy" (issue 11): the answer is its author's
 * alone. The partner's and a stranger's every page reads the same whatever the author answers;
 * the action changes only the acting user's own answer; a signed-out visitor is sent to sign in.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { therapyRoleAction } from "@/app/account/actions";
import AccountPage from "@/app/account/page";
import CheckInsPage from "@/app/check-ins/page";
import CouplePage from "@/app/couple/page";
import HomePage from "@/app/page";
import PlanPage from "@/app/plan/page";
import SharedPage from "@/app/shared/page";
import WelcomePage from "@/app/welcome/page";
import { IDLE, type FormState } from "@/lib/actions/form-state";
import { acceptInvite, createInvite } from "@/lib/data/couples";
import { getMyTherapyRole, setMyTherapyRole } from "@/lib/data/therapy-role";
import { actionResult, pageResult, type Outcome } from "../../support/access-matrix";
import { signInAs, signOut } from "../../support/browser";
import type { Actor } from "../../support/consent-world";
import { setUpEdgeTestDb } from "../../support/edge-test-db";
import { accessFor, createUser, type TestUser } from "../../support/users";

vi.mock("next/headers", () => import("../../support/browser"));
vi.mock("@/lib/db/client", () => import("../../support/browser"));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const t = setUpEdgeTestDb();

type RoleWorld = Record<Exclude<Actor, "signed-out">, TestUser>;

let world: RoleWorld;
beforeAll(async () => {
  const author = await createUser(t.db, "Sam");
  const partner = await createUser(t.db, "Alex");
  const stranger = await createUser(t.db, "Robin");
  await acceptInvite(accessFor(t.db, partner), (await createInvite(accessFor(t.db, author))).token);
  world = { author, partner, stranger };
});

async function actAs(actor: Actor): Promise<void> {
  signOut();
  if (actor !== "signed-out") await signInAs(world[actor]);
}

const none = { searchParams: Promise.resolve({}) };
const pages: Record<string, () => Promise<Outcome>> = {
  "/": () => pageResult(() => HomePage(none)),
  "/welcome": () => pageResult(() => WelcomePage({ searchParams: Promise.resolve({ linked: "1" }) })),
  "/account": () => pageResult(() => AccountPage()),
  "/couple": () => pageResult(() => CouplePage(none)),
  "/shared": () => pageResult(() => SharedPage()),
  "/plan": () => pageResult(() => PlanPage()),
  "/check-ins": () => pageResult(() => CheckInsPage()),
};

const answer = (role: string) => {
  const form = new FormData();
  form.append("role", role);
  return actionResult(() => therapyRoleAction(IDLE, form) as Promise<FormState>);
};
const roleOf = (who: TestUser) => getMyTherapyRole(accessFor(t.db, who));

/** A page as its reader sees it, less what differs on every rendering: fresh form keys and the clock. */
async function render(path: string): Promise<Outcome> {
  const outcome = await pages[path]!();
  if (outcome.kind !== "shown") return outcome;
  return { kind: "shown", text: outcome.text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>").replace(/<time[^>]*>[^<]*<\/time>/g, "<time/>") };
}

describe.each(["partner", "stranger"] as const)("the %s", (actor) => {
  it.each(Object.keys(pages))("reads %s the same whatever the author answered", async (path) => {
    await actAs(actor);
    await setMyTherapyRole(accessFor(t.db, world.author), "ME");
    const whenInTherapy = await render(path);
    await setMyTherapyRole(accessFor(t.db, world.author), "PARTNER");
    const whenPartnerIs = await render(path);
    expect(whenInTherapy.kind).toBe("shown");
    expect(whenPartnerIs).toEqual(whenInTherapy);
  });

  it("changes only their own answer", async () => {
    await actAs("author");
    await answer("BOTH");
    await actAs(actor);
    expect(await answer("ME")).toEqual({ kind: "done" });
    expect(await roleOf(world[actor])).toBe("ME");
    expect(await roleOf(world.author)).toBe("BOTH");
  });
});

describe("a signed-out visitor", () => {
  it("sees the public home page, and is sent to sign in from the welcome and account pages", async () => {
    await actAs("signed-out");
    const home = await pages["/"]!();
    expect(home.kind === "shown" && home.text.includes("Create an account")).toBe(true);
    expect(await pages["/welcome"]!()).toEqual({ kind: "sign-in" });
    expect(await pages["/account"]!()).toEqual({ kind: "sign-in" });
  });

  it("cannot answer for anyone", async () => {
    await actAs("author");
    await answer("ME");
    await actAs("signed-out");
    expect(await answer("BOTH")).toEqual({ kind: "sign-in" });
    expect(await roleOf(world.author)).toBe("ME");
  });
});

describe("the author", () => {
  it("is refused an answer that is not one of the three, with a clear message, and nothing changes", async () => {
    await actAs("author");
    await answer("ME");
    expect(await answer("THERAPIST")).toEqual({ kind: "refused", message: "Some fields need a second look." });
    expect(await roleOf(world.author)).toBe("ME");
  });

  it("finds their home page starting where their answer says", async () => {
    await actAs("author");
    await answer("PARTNER");
    const receiving = await pages["/"]!();
    const text = receiving.kind === "shown" ? receiving.text : "";
    expect(text.indexOf("How to receive what is shared")).toBeGreaterThan(-1);
    expect(text).not.toContain("Your private space");
    await answer("ME");
    const inTherapy = await pages["/"]!();
    expect(inTherapy.kind === "shown" && inTherapy.text).toContain("Your private space");
    expect(inTherapy.kind === "shown" && inTherapy.text).not.toContain("How to receive what is shared");
    await answer("");
    expect(await roleOf(world.author)).toBeNull();
  });
});
