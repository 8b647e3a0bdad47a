import { exportMyData } from "@/lib/data/export";
import { tooManyRequests } from "@/lib/http/too-many-requests";
import { withUser } from "@/lib/http/with-user";
import { consumeRateLimit, rateLimitKey, RATE_LIMITS, waitText } from "@/lib/limits/rate-limits";

export const GET = withUser(async (access) => {
  const verdict = await consumeRateLimit(access.db, "export", rateLimitKey(access.userId));
  if (!verdict.allowed) {
    return tooManyRequests(
      `You can download your data ${RATE_LIMITS.export.points} times an hour. Try again in ${waitText(verdict.retryAfterSeconds)}.`,
      verdict.retryAfterSeconds,
    );
  }
  const data = await exportMyData(access);
  return Response.json(data, {
    headers: {
      "Cache-Control": "no-store",
      "Content-Disposition": 'attachment; filename="common-ground-export.json"',
    },
  });
});
