import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import type { Access } from "@/lib/data/access";
import { getDb } from "@/lib/db/client";

/** The only way to build a route handler that touches user data: signed-out requests get 401. */
export function withUser<Context>(handler: (access: Access, request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    const user = await getCurrentUser();
    if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
    return handler({ db: getDb(), userId: user.id }, request, context);
  };
}

export function notFound(): Response {
  return Response.json({ error: "Not found." }, { status: 404 });
}
