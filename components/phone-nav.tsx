import { PhoneNavBar } from "./phone-nav-bar";
import { whoIsSignedIn } from "./site-header";

/** The bar at the foot of a phone's screen, for someone signed in (the header holds it on wider screens). */
export async function PhoneNav() {
  const who = await whoIsSignedIn();
  return who && who !== "unknown" ? <PhoneNavBar /> : null;
}
