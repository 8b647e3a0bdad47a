import { expect, type Person } from "./fixtures";

/** Links two fresh accounts the way people do: the inviter makes a link, the invitee opens it and accepts. */
export async function linkCouple(inviter: Person, invitee: Person): Promise<void> {
  await inviter.page.goto("/couple");
  await inviter.page.getByRole("button", { name: "Create an invite link" }).click();
  const link = await inviter.page.getByLabel(/Your invite link/).inputValue();
  await invitee.page.goto(link);
  await invitee.page.getByRole("button", { name: `Link with ${inviter.displayName}` }).click();
  await expect(invitee.page.getByText(`You are linked with ${inviter.displayName}`)).toBeVisible();
}
