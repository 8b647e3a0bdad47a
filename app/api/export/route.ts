import { exportMyData } from "@/lib/data/export";
import { withUser } from "@/lib/http/with-user";

export const GET = withUser(async (access) => {
  const data = await exportMyData(access);
  return Response.json(data, {
    headers: {
      "Cache-Control": "no-store",
      "Content-Disposition": 'attachment; filename="common-ground-export.json"',
    },
  });
});
