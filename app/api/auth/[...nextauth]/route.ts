import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withBodyLimit } from "@/lib/http/body-limit";

const handler = NextAuth(authOptions);

/** A sign-in posts an email, a password and a few tokens: well under this, however they are encoded. */
const AUTH_BODY_LIMIT = 16 * 1024;

export { handler as GET };
export const POST = withBodyLimit(AUTH_BODY_LIMIT, handler);
