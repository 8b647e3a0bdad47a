import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { signInSchema } from "@/lib/validation/account";
import { authenticate } from "./accounts";
import { clientAddressFrom } from "./client-address";

export const WRONG_CREDENTIALS = "The email or password is wrong.";
export const SIGN_IN_UNAVAILABLE = "Signing in is unavailable for a moment. Please try again shortly.";

function throttledMessage(retryAt: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return `Too many sign-in attempts. For your safety, sign-in is paused: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(WRONG_CREDENTIALS);
        let result: Awaited<ReturnType<typeof authenticate>>;
        try {
          result = await authenticate(getDb(), { ...parsed.data, clientAddress: clientAddressFrom(request?.headers ?? {}) });
        } catch (error) {
          // next-auth shows a thrown message as it is: the database's own words stay in the log.
          console.error("Sign-in could not be checked:", error);
          throw new Error(SIGN_IN_UNAVAILABLE);
        }
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.displayName, sessionVersion: result.user.sessionVersion };
        throw new Error(result.reason === "throttled" ? throttledMessage(result.retryAt) : WRONG_CREDENTIALS);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
};
