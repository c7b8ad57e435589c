import { type ReasonParams, renderReason } from "@profilehub/validators";

import { authUserError } from "@/dialects/a-auth-user/errors";
import { projectUserError } from "@/dialects/b-project-users/errors";
import { formJsonError } from "@/dialects/c-form-json/errors";
import { toStackError } from "@/dialects/d-current-user/errors";
import { stackErrorResponse } from "@/dialects/d-current-user/known-errors";
import { usersByIdError } from "@/dialects/e-users-by-id/errors";

import type { ErrorInfo } from "./error-info";

/**
 * Which API a path belongs to, for the answers the HTTP server gives before any route runs (a
 * method Next.js cannot serve, an unknown path under an API prefix): each in that API's own error
 * shape, with the methods its routes serve.
 */
export interface PathDoor {
  name: "trpc" | "native" | "dialect-a" | "dialect-b" | "dialect-c" | "dialect-d" | "dialect-e" | "page";
  /** Whether an unknown path here is this API's JSON 404 (pages keep Next's HTML 404). */
  api: boolean;
  allowed: readonly string[];
  render(error: ErrorInfo, request: Request): Response;
}

const TRPC_CODES: Record<number, [string, number]> = {
  404: ["NOT_FOUND", -32004],
  405: ["METHOD_NOT_SUPPORTED", -32005],
  413: ["PAYLOAD_TOO_LARGE", -32013],
};

/** An error of the HTTP layer in the typed API's (tRPC's) shape, with `data.reason`. */
export const trpcShape = (error: ErrorInfo) => {
  const [code, rpc] = TRPC_CODES[error.status] ?? ["BAD_REQUEST", -32600];
  const data = { code, httpStatus: error.status, reason: error.reason, params: error.params, issues: error.issues };
  return Response.json({ error: { message: error.message, code: rpc, data } }, { status: error.status });
};
const nativeShape = (error: ErrorInfo) =>
  Response.json(
    { error: { code: error.reason, message: error.message, issues: error.issues } },
    { status: error.status },
  );

const door = (name: PathDoor["name"], allowed: readonly string[], render: PathDoor["render"], api = true) => ({
  name,
  api,
  allowed,
  render,
});

/** Most specific first: the first whose pattern matches the path answers. */
const DOORS: [RegExp, PathDoor][] = [
  [/^\/api\/trpc(\/|$)/, door("trpc", ["GET", "POST", "OPTIONS"], trpcShape)],
  [/^\/api\/v3\/auth(\/|$)/, door("dialect-a", ["GET", "PUT", "OPTIONS"], authUserError)],
  [/^\/api\/user(\/|$)/, door("dialect-c", ["GET", "PUT", "OPTIONS"], formJsonError)],
  [
    /^\/api\/v1(\/|$)/,
    door("dialect-d", ["GET", "PATCH", "DELETE", "OPTIONS"], (e, r) => stackErrorResponse(toStackError(e, r))),
  ],
  [/^\/api(\/|$)/, door("native", ["GET", "POST", "PUT", "OPTIONS"], nativeShape)],
  [/^\/users(\/|$)/, door("dialect-e", ["GET", "PUT", "OPTIONS"], usersByIdError)],
  [/^\/[^/]+\/users(\/|$)/, door("dialect-b", ["GET", "PATCH", "OPTIONS"], projectUserError)],
];
const PAGES = door("page", ["GET", "HEAD"], nativeShape, false);

/** The API a request path belongs to (pages: the native shape, and Next's own 404). */
export function doorOfPath(path: string): PathDoor {
  return DOORS.find(([pattern]) => pattern.test(path))?.[1] ?? PAGES;
}

/** A refusal found before any route, as every door needs it. */
export function errorBeforeRoute<R extends "method_not_allowed" | "route_not_found">(
  status: number,
  reason: R,
  params: ReasonParams<R>,
): ErrorInfo {
  const message = renderReason(reason, params, "en");
  return { status, reason, params: params, message, issues: [] };
}
