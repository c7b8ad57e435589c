import {
  createCaller,
  createRequestContext,
  RETRY_AFTER_SECONDS,
  UNAVAILABLE_MESSAGE,
  type Context,
  type Door,
} from "@profilehub/api";
import { getRuntime } from "../runtime";
import { errorInfo, errorInfoFromReason, type ErrorInfo } from "./error-info";
import { readBody, type BodyProblem } from "./read-body";
import { clientInfoOf, requestIdOf } from "./request-info";

/** What distinguishes one door from another: credentials in, errors out. */
export interface DoorAdapter {
  door: Door;
  /** Extracts the presented credentials (untrusted) from the request. */
  credentials(request: Request): { accessToken?: string | null; serverKey?: string | null };
  /** Renders an error in the door's documented shape. */
  errorResponse(error: ErrorInfo, request: Request): Response;
  /** Body size cap in bytes. */
  maxBodyBytes: number;
  /** Accept form-urlencoded bodies too. */
  acceptsForm?: boolean;
}

export interface RouteArgs<P> {
  request: Request;
  params: P;
  caller: ReturnType<typeof createCaller>;
  ctx: Context;
  /** The parsed body (`undefined` for GET or an empty body). */
  body: unknown;
}

const BODY_PROBLEMS: Record<BodyProblem, ErrorInfo> = {
  too_large: errorInfoFromReason("payload_too_large", "Request body is too large"),
  invalid_json: errorInfoFromReason("invalid_json", "Request body is not valid JSON"),
  unsupported_media_type: errorInfoFromReason(
    "unsupported_media_type",
    "Unsupported Content-Type: send application/json",
  ),
};

/**
 * One route handler: reads the body (capped), builds the same context as `/api/trpc`, calls the
 * handler, and renders any error in the door's documented shape. Never leaks a stack trace.
 */
export type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export function defineRoute<P = Record<string, never>>(
  door: DoorAdapter,
  handler: (args: RouteArgs<P>) => Promise<Response>,
): RouteHandler<P> {
  return async (request, context) => {
    const requestId = requestIdOf(request);
    const respond = (response: Response) => {
      response.headers.set("x-request-id", requestId);
      if (response.status === 503 && !response.headers.has("retry-after")) {
        response.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
      }
      return response;
    };
    try {
      let body: unknown;
      if (request.method !== "GET" && request.method !== "HEAD") {
        const read = await readBody(request, { maxBytes: door.maxBodyBytes, form: door.acceptsForm ?? false });
        if (!read.ok) return respond(door.errorResponse(BODY_PROBLEMS[read.problem], request));
        body = read.value;
      }
      const runtime = await getRuntime().catch((error: unknown) => {
        console.error(`[request ${requestId}] service unavailable:`, error instanceof Error ? error.message : error);
        return null;
      });
      if (!runtime) {
        return respond(door.errorResponse(errorInfoFromReason("unavailable", UNAVAILABLE_MESSAGE), request));
      }
      const ctx = await createRequestContext(runtime.services, {
        ...door.credentials(request),
        door: door.door,
        requestId,
        client: clientInfoOf(request),
      });
      const params = (await context.params) ?? ({} as P);
      return respond(await handler({ request, params, caller: createCaller(ctx), ctx, body }));
    } catch (error) {
      return respond(door.errorResponse(errorInfo(error, requestId), request));
    }
  };
}
