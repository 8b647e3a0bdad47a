import { nextSessionText } from "@/lib/data/conversation";
import { withUser } from "@/lib/http/with-user";

/** The signed-in person's own "for my next session" list, as a text file to keep or print. */
export const GET = withUser(async (access) => {
  return new Response(await nextSessionText(access), {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Disposition": 'attachment; filename="for-my-next-session.txt"',
      "Cache-Control": "no-store",
    },
  });
});
