import { defineRoute, type DoorAdapter } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { nativeDoor } from "@/server/native/native-door";
import { verifyEmailPage } from "@/server/native/verify-email-page";

const wantsJson = (request: Request) => (request.headers.get("accept") ?? "").includes("application/json");
const native = nativeDoor("auth");

/** Browsers get a page; API clients asking for JSON get the native error body. */
const door: DoorAdapter = {
  ...native,
  errorResponse: (error, request) =>
    wantsJson(request)
      ? native.errorResponse(error, request)
      : verifyEmailPage({ ok: false, error }, error.status, request.headers.get("accept-language")),
};

/** `GET /api/auth/verify-email?token=…`: the mailed link. */
const route = routeMethods(door, {
  GET: defineRoute(door, async ({ caller, request }) => {
    const token = new URL(request.url).searchParams.get("token") ?? "";
    const result = await caller.auth.verifyEmail({ token });
    if (wantsJson(request)) return Response.json(result);
    return verifyEmailPage({ ok: true, email: result.email }, 200, request.headers.get("accept-language"));
  }),
});

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = route;
