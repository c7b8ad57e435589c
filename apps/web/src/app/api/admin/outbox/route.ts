import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { nativeDoor } from "@/server/native/native-door";

const door = nativeDoor("admin");

/** `GET /api/admin/outbox?status=pending|sent|failed&limit=…` → 200 `{counts, mails}` (default: failed). */
const route = routeMethods(door, {
  GET: defineRoute(door, async ({ caller, request }) => {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    return Response.json(await caller.admin.listOutbox(query), {
      headers: { "cache-control": "no-store" },
    });
  }),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
