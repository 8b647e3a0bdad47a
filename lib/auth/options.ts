import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db/client";
import { signInSchema } from "@/lib/validation/account";
import { authenticate } from "./accounts";
import { clientAddressFrom } from "./client-address";
import { SESSION_POLICY, checkSession, endSession, startSession } from "./sessions";

export const WRONG_CREDENTIALS = "The email or password is wrong.";
export const SIGN_IN_UNAVAILABLE = "Signing in is unavailable for a moment. Please try again shortly.";

function throttledMessage(retryAt: Date, now = new Date()): string {
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return `Too many sign-in attempts. For your safety, sign-in is paused: try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/**
 * Thrown from the jwt callback for a token whose session has ended: next-auth then answers
 * /api/auth/session with no user and removes the cookie, instead of renewing it.
 */
class SessionEndedError extends Error {
  constructor() {
    super("This session has ended.");
    this.name = "SessionEndedError";
  }
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_POLICY.lifetimeMs / 1000 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error(WRONG_CREDENTIALS);
        const headers = request?.headers ?? {};
        let result: Awaited<ReturnType<typeof authenticate>>;
        let sessionId: string | null = null;
        try {
          result = await authenticate(getDb(), { ...parsed.data, clientAddress: clientAddressFrom(headers) });
          const userAgent = typeof headers["user-agent"] === "string" ? headers["user-agent"] : null;
          if (result.ok) sessionId = await startSession(getDb(), result.user.id, userAgent);
        } catch (error) {
          // next-auth shows a thrown message as it is: the database's own words stay in the log.
          console.error("Sign-in could not be checked:", error);
          throw new Error(SIGN_IN_UNAVAILABLE);
        }
        if (!result.ok) throw new Error(result.reason === "throttled" ? throttledMessage(result.retryAt) : WRONG_CREDENTIALS);
        if (!sessionId) throw new Error(SIGN_IN_UNAVAILABLE);
        return { id: result.user.id, email: result.user.email, name: result.user.displayName, sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...token, uid: user.id, sid: user.sessionId };
      // Any later use of the token (GET /api/auth/session) is answered only while its session lives.
      if (!(await checkSession(getDb(), token))) throw new SessionEndedError();
      return token;
    },
  },
  events: {
    // next-auth's own sign-out endpoint ends the session too, not only the cookie.
    async signOut({ token }) {
      if (typeof token?.uid === "string" && typeof token.sid === "string") await endSession(getDb(), token.uid, token.sid);
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is an expected answer, not a fault worth a stack trace in the log.
      if (metadata instanceof SessionEndedError) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};
