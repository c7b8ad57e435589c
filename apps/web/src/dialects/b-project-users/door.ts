import { appError, bearerToken, type Context } from "@profilehub/api";
import type { DoorAdapter } from "@/server/http/define-route";
import { projectUserError } from "./errors";

const SERVER_KEY_HEADER = "x-api-key";

/**
 * Dialect B: `Authorization: Bearer <access token>`, or server access with `x-api-key`;
 * errors as `{error, code}`. 256 KB bodies, so a data-URL avatar under 100 KB fits.
 */
export const projectUserDoor: DoorAdapter = {
  door: "dialect-b",
  maxBodyBytes: 256 * 1024,
  credentials: (request) => ({
    accessToken: bearerToken(request.headers.get("authorization")),
    serverKey: request.headers.get(SERVER_KEY_HEADER),
  }),
  errorResponse: (error) => projectUserError(error),
};

/**
 * Authentication comes before anything about the request's content (as in the documented
 * product): a presented server key must be the right one, otherwise a valid access token is needed.
 * The session's liveness is checked by the router in the same query as the read or write.
 */
export function requireCaller(request: Request, ctx: Context): void {
  if (request.headers.has(SERVER_KEY_HEADER) && !ctx.serverAccess) {
    throw appError("server_key_invalid", "Invalid API key");
  }
  if (ctx.serverAccess || ctx.session) return;
  if (ctx.tokenFailure === "expired") throw appError("token_expired", "Access token has expired");
  if (ctx.tokenFailure === "invalid") throw appError("token_invalid", "Access token is invalid");
  throw appError("token_missing", "Authentication required");
}
