import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    /** The server-side session started at this sign-in (lib/auth/sessions.ts). */
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sid?: string;
  }
}
