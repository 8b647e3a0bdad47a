import { NextResponse, type NextRequest } from "next/server";
import { refuseUnreadableRequest } from "@/lib/http/request-guard";

/** Runs before every page and route: an unreadable request is refused with a 4xx, never a 500. */
export async function proxy(request: NextRequest) {
  return (await refuseUnreadableRequest(request)) ?? NextResponse.next();
}

export const config = {
  // Static files are served as they are; everything that renders or runs an action is checked.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
