import "server-only";
import { headers } from "next/headers";

/** A full link to a path of this app, for copying or emailing: NEXTAUTH_URL, else the request's own host. */
export async function absoluteUrl(path: string): Promise<string> {
  const configured = process.env.APP_URL || process.env.NEXTAUTH_URL;
  if (configured) return new URL(path, configured).toString();
  const requestHeaders = await headers();
  const host = requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host") ?? "127.0.0.1:3000";
  const protocol = requestHeaders.get("x-forwarded-proto") ?? "http";
  return new URL(path, `${protocol}://${host}`).toString();
}
